using System.Text;
using System.Text.RegularExpressions;
using Portal.Core.Common;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// One search of the FHIR API as parsed from the query string: whose record, which type, the filters and the page.
/// Only the parameters <see cref="FhirCatalog"/> lists for the type are accepted (besides <c>_count</c> and
/// <c>ct</c>); anything else, modifiers included, is refused rather than ignored, so a client never mistakes an
/// unfiltered answer for a filtered one.
/// </summary>
/// <param name="Kind">The resource type.</param>
/// <param name="PatientId">Whose record.</param>
/// <param name="Count">Resources per page.</param>
/// <param name="ContinuationToken">Where the previous page stopped, or null for the first page.</param>
/// <param name="Categories">Any of these categories (empty: any category).</param>
/// <param name="Codes">Any of these codes (empty: any code).</param>
/// <param name="Dates">The clinical times kept.</param>
/// <param name="DateValues">The <c>date</c> values as sent, for the links.</param>
public sealed partial record FhirSearch(
    FhirResourceKind Kind,
    string PatientId,
    int Count,
    string? ContinuationToken,
    IReadOnlyList<FhirToken> Categories,
    IReadOnlyList<FhirToken> Codes,
    FhirDateRange Dates,
    IReadOnlyList<string> DateValues)
{
    /// <summary>Parses the query of <c>GET {type}?…</c>; a refusal names the parameter.</summary>
    public static Result<FhirSearch> Parse(FhirResourceKind kind, IEnumerable<KeyValuePair<string, string>> query, TimeZoneInfo clinicZone)
    {
        var values = Group(query);
        if (Unsupported(kind, values, "date") is { } unsupported)
        {
            return unsupported;
        }

        var patientParameter = kind.Name == "Patient" ? "_id" : FhirCatalog.PatientParameter;
        if (!values.TryGetValue(patientParameter, out var patients))
        {
            return Failure.Invalid(patientParameter, $"{kind.Name} searches need {patientParameter}: this API serves one patient's record at a time.");
        }

        var patientId = patients[0].StartsWith("Patient/", StringComparison.Ordinal) && patientParameter == FhirCatalog.PatientParameter
            ? patients[0]["Patient/".Length..]
            : patients[0];
        if (!IsId(patientId))
        {
            return Failure.Invalid(patientParameter, "A patient id: `{id}` or `Patient/{id}`.");
        }

        if (PageSize(values) is not { } count)
        {
            return Failure.Invalid(FhirCatalog.CountParameter, $"A whole number from 1; at most {FhirCatalog.MaxCount} are returned per page.");
        }

        var categories = Tokens(values, "category");
        var codes = Tokens(values, "code");
        if (categories is null || codes is null)
        {
            return Failure.Invalid(categories is null ? "category" : "code", "Tokens `[system|]code`, separated by commas.");
        }

        var dates = FhirDateRange.Any;
        var dateValues = values.GetValueOrDefault("date") ?? [];
        foreach (var value in dateValues)
        {
            if (dates.Narrow(value, clinicZone) is not { } narrowed)
            {
                return Failure.Invalid("date", $"A date with an optional prefix ({FhirDateRange.Prefixes}): {ClinicalTimes.Rule}");
            }

            dates = narrowed;
        }

        var continuation = values.GetValueOrDefault(FhirCatalog.ContinuationParameter)?[0];
        return new FhirSearch(kind, patientId, count, continuation, categories, codes, dates, dateValues);
    }

    /// <summary>The query's values by parameter name.</summary>
    internal static Dictionary<string, List<string>> Group(IEnumerable<KeyValuePair<string, string>> query) =>
        query.GroupBy(p => p.Key, p => p.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    /// <summary>The refusal of a parameter the type does not list, an empty value, or a repeat (only <paramref name="repeatable"/> may repeat); or null.</summary>
    internal static Failure? Unsupported(FhirResourceKind kind, Dictionary<string, List<string>> values, string repeatable)
    {
        foreach (var (name, given) in values)
        {
            if (name is not (FhirCatalog.CountParameter or FhirCatalog.ContinuationParameter) && kind.Parameter(name) is null)
            {
                return Failure.Invalid(name, $"{kind.Name} searches support {Supported(kind)}.");
            }

            if (given.Any(string.IsNullOrEmpty))
            {
                return Failure.Invalid(name, "Give the parameter a value.");
            }

            if (name != repeatable && given.Count > 1)
            {
                return Failure.Invalid(name, "Give the parameter once (separate several values with commas where it allows them).");
            }
        }

        return null;
    }

    /// <summary>The page size asked for (default, at most the maximum), or null when <c>_count</c> is not a whole number from 1.</summary>
    internal static int? PageSize(Dictionary<string, List<string>> values)
    {
        if (!values.TryGetValue(FhirCatalog.CountParameter, out var counts))
        {
            return FhirCatalog.DefaultCount;
        }

        return int.TryParse(counts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count >= 1
            ? Math.Min(count, FhirCatalog.MaxCount)
            : null;
    }

    /// <summary>True for a FHIR resource id (letters, digits, '-' and '.', at most 64).</summary>
    public static bool IsId(string? text) => text is not null && Id().IsMatch(text);

    /// <summary>
    /// The query string of this search (parameters in a fixed order, escaped) with the given continuation:
    /// the <c>self</c> and <c>next</c> links.
    /// </summary>
    public string ToQuery(string? continuationToken)
    {
        var query = new StringBuilder();
        void Add(string name, string value) =>
            query.Append(query.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));

        Add(Kind.Name == "Patient" ? "_id" : FhirCatalog.PatientParameter, PatientId);
        if (Categories.Count > 0)
        {
            Add("category", string.Join(',', Categories));
        }

        if (Codes.Count > 0)
        {
            Add("code", string.Join(',', Codes));
        }

        foreach (var date in DateValues)
        {
            Add("date", date);
        }

        Add(FhirCatalog.CountParameter, Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (continuationToken is not null)
        {
            Add(FhirCatalog.ContinuationParameter, continuationToken);
        }

        return query.ToString();
    }

    private static List<FhirToken>? Tokens(Dictionary<string, List<string>> values, string name)
    {
        if (!values.TryGetValue(name, out var given))
        {
            return [];
        }

        var tokens = given[0].Split(',').Select(FhirToken.Parse).ToList();
        return tokens.Any(t => t is null) ? null : [.. tokens.Select(t => t!)];
    }

    private static string Supported(FhirResourceKind kind) =>
        string.Join(", ", kind.SearchParameters.Select(p => p.Name).Append(FhirCatalog.CountParameter)) + " (no modifiers)";

    [GeneratedRegex("^[A-Za-z0-9\\-.]{1,64}$")]
    private static partial Regex Id();
}
