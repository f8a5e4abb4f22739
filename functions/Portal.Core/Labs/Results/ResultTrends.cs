using Microsoft.Extensions.Options;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Labs.Explanations;
using Portal.Core.Profile;

namespace Portal.Core.Labs.Results;

/// <summary>
/// Use case: one test over time (a LOINC code): every released value (all, for staff), oldest first, converted to the
/// most recent unit where UCUM allows, with its reference range and flags; beside them the values the patient measured
/// at home (<see cref="IHomeTrendValues"/>), marked so.
/// </summary>
public sealed class ResultTrends(ILabResults results, ResultsAccess access, IProfiles profiles, IOptions<ClinicOptions> clinic, IEnumerable<IHomeTrendValues> homeValues)
{
    /// <summary>The trend drawn as an accessible SVG in the patient's language and the clinic's zone; 400/403/404.</summary>
    public async Task<Result<string>> ChartAsync(Caller caller, string patientId, string? loinc, CancellationToken cancellationToken)
    {
        var trend = await ExecuteAsync(caller, patientId, loinc, cancellationToken);
        if (!trend.Succeeded)
        {
            return trend.Failure;
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(clinic.Value.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        return TrendChart.Render(trend.Value, trend.Value.Language, zone);
    }

    /// <summary>The trend; 400/403/404.</summary>
    public async Task<Result<Trend>> ExecuteAsync(Caller caller, string patientId, string? loinc, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(loinc) || loinc.Length > 16 || !loinc.All(c => char.IsAsciiDigit(c) || c == '-'))
        {
            return Failure.Invalid("code", "A LOINC code such as 4548-4.");
        }

        var visit = await access.OpenAsync(caller, patientId, write: false, $"patients/{patientId}/results/trends?code={loinc}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var current = (await results.AllAsync(patientId, ResultsAccess.IsPatientSide(visit.Value), cancellationToken)).ToDictionary(r => r.ResultId);
        var found = await results.ObservationsWithCodeAsync(patientId, loinc, cancellationToken);
        var observations = found
            .Where(f => current.TryGetValue(f.ResultId, out var r) && r.Version == f.Version && f.Observation.Number is not null)
            .Select(f => (Result: current[f.ResultId], f.Observation))
            .OrderBy(p => p.Observation.ObservedAt ?? p.Result.SortTime)
            .ToList();
        var language = (await profiles.FindAsync(patientId, cancellationToken))?.Value.PreferredLanguage;
        var home = new List<HomeTrendValue>();
        foreach (var source in homeValues)
        {
            home.AddRange(await source.ForCodeAsync(visit.Value, loinc, cancellationToken));
        }

        await access.RecordAsync(visit.Value, true, cancellationToken);

        var unit = observations.Count > 0 ? observations[^1].Observation.Unit : home.MaxBy(h => h.At)?.Unit;
        var points = observations.Select(p => Point(p.Result, p.Observation, unit))
            .Concat(home.Select(h => Point(h, unit)))
            .OrderBy(p => p.At)
            .ToList();
        var name = observations.Count > 0 ? observations[^1].Observation.Name : home.MaxBy(h => h.At)?.Name ?? loinc;
        var explanation = LabExplanations.Explain(loinc, null, language);
        return new Trend(loinc, explanation?.Name ?? name, unit, points, explanation, LabExplanations.LanguageOf(language));
    }

    private static TrendPoint Point(HomeTrendValue home, string? unit)
    {
        var convertible = UcumUnits.TryConvert(home.Value, home.Unit, unit, out var value);
        return new TrendPoint(home.EntryId, home.At, convertible ? value : null, null, home.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), home.Unit, null, null, [], MeasuredAtHome: true);
    }

    private static TrendPoint Point(LabResult result, ResultObservation o, string? unit)
    {
        var convertible = UcumUnits.TryConvert(o.Number!.Value, o.Unit, unit, out var value);
        decimal? Limit(decimal? limit) => limit is { } l && convertible && UcumUnits.TryConvert(l, o.Unit, unit, out var c) ? c : null;
        return new TrendPoint(
            result.ResultId,
            o.ObservedAt ?? result.SortTime,
            convertible ? value : null,
            o.Comparator,
            o.Value,
            o.Unit,
            Limit(o.RangeLow),
            Limit(o.RangeHigh),
            o.Flags);
    }
}

/// <summary>One test over time.</summary>
/// <param name="Code">The LOINC code.</param>
/// <param name="Name">The test's name.</param>
/// <param name="Unit">The unit every value is shown in (the most recent one's).</param>
/// <param name="Points">Oldest first.</param>
/// <param name="Explanation">What the test measures, in the patient's language, when known.</param>
/// <param name="Language">The language of the words: <c>en</c> or <c>es</c>.</param>
public sealed record Trend(string Code, string Name, string? Unit, IReadOnlyList<TrendPoint> Points, Explanation? Explanation, string Language);

/// <summary>One value of a trend.</summary>
/// <param name="ResultId">The result it comes from (for a value measured at home: the journal entry).</param>
/// <param name="At">When the specimen was taken (or the value measured at home).</param>
/// <param name="Value">The value in the trend's unit; null when its unit cannot be converted to it.</param>
/// <param name="Comparator"><c>&lt;</c>, <c>&gt;</c> … when the value is a bound.</param>
/// <param name="ReportedValue">The value as the lab reported it.</param>
/// <param name="ReportedUnit">The unit the lab reported it in.</param>
/// <param name="RangeLow">The reference range's lower limit in the trend's unit.</param>
/// <param name="RangeHigh">The reference range's upper limit in the trend's unit.</param>
/// <param name="Flags">The patient-facing flags.</param>
/// <param name="MeasuredAtHome">True for a value the patient measured at home (their journal), not the clinic's.</param>
public sealed record TrendPoint(
    string ResultId, DateTimeOffset At, decimal? Value, string? Comparator, string? ReportedValue, string? ReportedUnit, decimal? RangeLow, decimal? RangeHigh, IReadOnlyList<ResultFlag> Flags,
    bool MeasuredAtHome = false);
