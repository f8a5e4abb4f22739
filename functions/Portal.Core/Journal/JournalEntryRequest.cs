namespace Portal.Core.Journal;

/// <summary>A new journal entry, or the whole of an edited one.</summary>
/// <param name="Kind">What it records; send the matching detail.</param>
/// <param name="At">When it happened (not in the future).</param>
/// <param name="Text">Free text, at most 4,000 characters (required for a note).</param>
/// <param name="Tags">Your own labels: at most 10, each 1 to 40 letters, digits or dashes.</param>
/// <param name="Symptom">For <c>symptom</c>.</param>
/// <param name="SideEffect">For <c>sideEffect</c>.</param>
/// <param name="Measurement">For <c>measurement</c>.</param>
/// <param name="WellBeing">For <c>wellBeing</c>.</param>
public sealed record JournalEntryRequest(
    JournalKind Kind,
    DateTimeOffset At,
    string? Text = null,
    IReadOnlyList<string>? Tags = null,
    SymptomDetail? Symptom = null,
    SideEffectInput? SideEffect = null,
    MeasurementInput? Measurement = null,
    WellBeingDetail? WellBeing = null);

/// <summary>A side effect as sent.</summary>
/// <param name="What">What happened.</param>
/// <param name="Medication">The medication's name.</param>
/// <param name="Severity">0 to 10.</param>
/// <param name="MedicationItemId">Its item id in the record's medications, when picked from the list.</param>
public sealed record SideEffectInput(string What, string Medication, int Severity, string? MedicationItemId = null);

/// <summary>A home measurement as sent.</summary>
/// <param name="Type">What was measured.</param>
/// <param name="Systolic">Blood pressure: systolic, mm[Hg].</param>
/// <param name="Diastolic">Blood pressure: diastolic, mm[Hg].</param>
/// <param name="Pulse">Blood pressure: the pulse the cuff showed, per minute (optional).</param>
/// <param name="Value">Any other measurement: the value.</param>
/// <param name="Unit">Its UCUM unit: kg or [lb_av]; mg/dL or mmol/L; Cel or [degF]; L/min.</param>
public sealed record MeasurementInput(MeasurementType Type, decimal? Systolic = null, decimal? Diastolic = null, decimal? Pulse = null, decimal? Value = null, string? Unit = null);
