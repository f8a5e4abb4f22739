namespace Portal.Core.Journal;

/// <summary>
/// One entry of a patient's personal health journal (chart row <c>jrnl|{newest-first time}|{entryId}</c>): kept by the
/// patient or a caregiver with <c>records.write</c> between visits, private until the patient shares it with the care
/// team (<see cref="SharedAt"/>).
/// </summary>
/// <param name="PatientId">Whose journal.</param>
/// <param name="EntryId">Stable id (also the FHIR resource id).</param>
/// <param name="Kind">What it records; the matching detail below is set.</param>
/// <param name="At">When it happened (or the measurement was taken).</param>
/// <param name="Text">Free text, at most 4,000 characters.</param>
/// <param name="Tags">The patient's own labels (lowercase, at most 10).</param>
/// <param name="Symptom">For a symptom.</param>
/// <param name="SideEffect">For a side effect.</param>
/// <param name="Measurement">For a home measurement.</param>
/// <param name="WellBeing">For mood, sleep and activity.</param>
/// <param name="AuthorSubject">Who wrote it (sign-in subject).</param>
/// <param name="AuthorName">Their name as shown.</param>
/// <param name="ByCaregiver">True when a caregiver wrote it for the patient.</param>
/// <param name="CreatedAt">When it was written.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="SharedAt">When the patient's side last shared it with the care team; null while private.</param>
/// <param name="ShareId">The share that did.</param>
public sealed record JournalEntry(
    string PatientId,
    string EntryId,
    JournalKind Kind,
    DateTimeOffset At,
    string? Text,
    IReadOnlyList<string> Tags,
    SymptomDetail? Symptom,
    SideEffectDetail? SideEffect,
    HomeMeasurement? Measurement,
    WellBeingDetail? WellBeing,
    string AuthorSubject,
    string? AuthorName,
    bool ByCaregiver,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SharedAt = null,
    string? ShareId = null)
{
    /// <summary>True once shared with the care team.</summary>
    public bool IsShared => SharedAt is not null;
}

/// <summary>A symptom.</summary>
/// <param name="What">What it is, in the patient's words (at most 200 characters).</param>
/// <param name="Severity">0 (none) to 10 (worst imaginable).</param>
/// <param name="DurationMinutes">How long it lasted, if known.</param>
public sealed record SymptomDetail(string What, int Severity, int? DurationMinutes = null);

/// <summary>A side effect, tied to a medication.</summary>
/// <param name="What">What happened (at most 200 characters).</param>
/// <param name="Medication">The medication as the patient names it (at most 200 characters).</param>
/// <param name="MedicationItemId">The medication's item id in the record, when the patient picked it from their list.</param>
/// <param name="Severity">0 to 10.</param>
public sealed record SideEffectDetail(string What, string Medication, string? MedicationItemId, int Severity);

/// <summary>A home measurement: one value, or systolic and diastolic (and pulse) for blood pressure.</summary>
/// <param name="Type">What was measured.</param>
/// <param name="Values">The values with their LOINC codes and UCUM units.</param>
public sealed record HomeMeasurement(MeasurementType Type, IReadOnlyList<MeasuredValue> Values);

/// <summary>One measured value.</summary>
/// <param name="Code">LOINC code, e.g. <c>8480-6</c> (systolic).</param>
/// <param name="Value">The number.</param>
/// <param name="Unit">UCUM unit, e.g. <c>mm[Hg]</c>.</param>
public sealed record MeasuredValue(string Code, decimal Value, string Unit);

/// <summary>Mood, sleep and activity (at least one).</summary>
/// <param name="Mood">0 (very low) to 10 (very good).</param>
/// <param name="SleepHours">Hours slept, 0 to 24.</param>
/// <param name="ActivityMinutes">Minutes of exercise or activity, 0 to 1,440.</param>
public sealed record WellBeingDetail(int? Mood = null, decimal? SleepHours = null, int? ActivityMinutes = null);
