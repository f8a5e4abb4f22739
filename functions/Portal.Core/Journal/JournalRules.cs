using System.Globalization;
using Portal.Core.Common;

namespace Portal.Core.Journal;

/// <summary>What makes a journal entry acceptable, and the entry it makes.</summary>
public static class JournalRules
{
    /// <summary>The longest free text.</summary>
    public const int MaxText = 4_000;

    /// <summary>The longest short text (what, medication).</summary>
    public const int MaxShort = 200;

    /// <summary>Most tags on an entry.</summary>
    public const int MaxTags = 10;

    /// <summary>Clocks differ: a time this far ahead of ours is still "now".</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The oldest time an entry may name.</summary>
    public static readonly TimeSpan Oldest = TimeSpan.FromDays(366 * 10);

    /// <summary>Field errors of an entry sent at <paramref name="now"/>.</summary>
    public static FieldErrors Validate(JournalEntryRequest request, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        errors.Require(Enum.IsDefined(request.Kind), "kind", "symptom, sideEffect, measurement, wellBeing or note.");
        errors.Require(request.At <= now + ClockSkew, "at", "Cannot be in the future.");
        errors.Require(request.At >= now - Oldest, "at", "At most ten years ago.");
        errors.OptionalText(request.Text, "text", MaxText);
        Tags(request.Tags, errors);
        Detail(request, errors);
        return errors;
    }

    /// <summary>The tags as stored: trimmed, lowercase, each once.</summary>
    public static IReadOnlyList<string> CleanTags(IReadOnlyList<string>? tags) =>
        [.. (tags ?? []).Select(t => t.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    /// <summary>The measurement's values with their codes (the request is valid).</summary>
    public static HomeMeasurement Measurement(MeasurementInput input)
    {
        if (input.Type == MeasurementType.BloodPressure)
        {
            List<MeasuredValue> values = [new(HomeMeasurements.Systolic, input.Systolic!.Value, "mm[Hg]"), new(HomeMeasurements.Diastolic, input.Diastolic!.Value, "mm[Hg]")];
            if (input.Pulse is { } pulse)
            {
                values.Add(new(HomeMeasurements.Pulse, pulse, "/min"));
            }

            return new HomeMeasurement(input.Type, values);
        }

        return new HomeMeasurement(input.Type, [new(HomeMeasurements.Single(input.Type)!.Code, input.Value!.Value, input.Unit!)]);
    }

    private static void Tags(IReadOnlyList<string>? tags, FieldErrors errors)
    {
        if (tags is null)
        {
            return;
        }

        errors.Require(tags.Count <= MaxTags, "tags", $"At most {MaxTags} tags.");
        errors.Require(
            tags.All(t => t is not null && t.Trim().Length is > 0 and <= 40 && t.Trim().All(c => char.IsLetterOrDigit(c) || c == '-')),
            "tags",
            "Each tag is 1 to 40 letters, digits or dashes.");
    }

    private static void Detail(JournalEntryRequest request, FieldErrors errors)
    {
        var sent = new (string Field, object? Value, JournalKind Kind)[]
        {
            ("symptom", request.Symptom, JournalKind.Symptom),
            ("sideEffect", request.SideEffect, JournalKind.SideEffect),
            ("measurement", request.Measurement, JournalKind.Measurement),
            ("wellBeing", request.WellBeing, JournalKind.WellBeing),
        };
        foreach (var (field, value, kind) in sent)
        {
            errors.Require(value is null || kind == request.Kind, field, $"Only for kind {Camel(kind)}.");
            errors.Require(value is not null || kind != request.Kind, field, "Required for this kind.");
        }

        if (request.Kind == JournalKind.Note)
        {
            errors.Require(!string.IsNullOrWhiteSpace(request.Text), "text", "A note needs text.");
        }

        if (request.Symptom is { } symptom && request.Kind == JournalKind.Symptom)
        {
            errors.RequireText(symptom.What, "symptom.what", MaxShort);
            Severity(symptom.Severity, "symptom.severity", errors);
            errors.Require(symptom.DurationMinutes is null or (>= 0 and <= 60 * 24 * 90), "symptom.durationMinutes", "0 to 129,600 minutes (90 days).");
        }

        if (request.SideEffect is { } effect && request.Kind == JournalKind.SideEffect)
        {
            errors.RequireText(effect.What, "sideEffect.what", MaxShort);
            errors.RequireText(effect.Medication, "sideEffect.medication", MaxShort);
            errors.OptionalText(effect.MedicationItemId, "sideEffect.medicationItemId", 100);
            Severity(effect.Severity, "sideEffect.severity", errors);
        }

        if (request.Measurement is { } measurement && request.Kind == JournalKind.Measurement)
        {
            Measured(measurement, errors);
        }

        if (request.WellBeing is { } well && request.Kind == JournalKind.WellBeing)
        {
            errors.Require(well.Mood is not null || well.SleepHours is not null || well.ActivityMinutes is not null, "wellBeing", "Send mood, sleepHours or activityMinutes.");
            errors.Require(well.Mood is null or (>= 0 and <= 10), "wellBeing.mood", "0 to 10.");
            errors.Require(well.SleepHours is null or (>= 0 and <= 24), "wellBeing.sleepHours", "0 to 24 hours.");
            errors.Require(well.ActivityMinutes is null or (>= 0 and <= 1_440), "wellBeing.activityMinutes", "0 to 1,440 minutes.");
        }
    }

    private static void Measured(MeasurementInput input, FieldErrors errors)
    {
        if (!Enum.IsDefined(input.Type))
        {
            errors.Add("measurement.type", "bloodPressure, weight, glucose, temperature or peakFlow.");
            return;
        }

        if (input.Type == MeasurementType.BloodPressure)
        {
            errors.Require(input.Value is null && input.Unit is null, "measurement.value", "Blood pressure takes systolic and diastolic (mm[Hg]), not value and unit.");
            InRange(input.Systolic, HomeMeasurements.Systolic, "mm[Hg]", "measurement.systolic", required: true, errors);
            InRange(input.Diastolic, HomeMeasurements.Diastolic, "mm[Hg]", "measurement.diastolic", required: true, errors);
            InRange(input.Pulse, HomeMeasurements.Pulse, "/min", "measurement.pulse", required: false, errors);
            errors.Require(input.Systolic is null || input.Diastolic is null || input.Systolic > input.Diastolic, "measurement.diastolic", "Lower than the systolic value.");
            return;
        }

        errors.Require(input.Systolic is null && input.Diastolic is null && input.Pulse is null, "measurement.systolic", "Only for blood pressure.");
        var kind = HomeMeasurements.Single(input.Type)!;
        if (input.Unit is null || kind.Units.All(u => u.Unit != input.Unit))
        {
            errors.Add("measurement.unit", $"One of {string.Join(", ", kind.Units.Select(u => u.Unit))}.");
            return;
        }

        InRange(input.Value, kind.Code, input.Unit, "measurement.value", required: true, errors);
    }

    private static void InRange(decimal? value, string code, string unit, string field, bool required, FieldErrors errors)
    {
        if (value is null)
        {
            errors.Require(!required, field, "Required.");
            return;
        }

        var range = HomeMeasurements.Find(code)!.Units.Single(u => u.Unit == unit);
        errors.Require(
            value >= range.Min && value <= range.Max,
            field,
            string.Create(CultureInfo.InvariantCulture, $"Between {range.Min} and {range.Max} {unit}: check the reading."));
    }

    private static void Severity(int severity, string field, FieldErrors errors) =>
        errors.Require(severity is >= 0 and <= 10, field, "0 (none) to 10 (worst).");

    private static string Camel(JournalKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
