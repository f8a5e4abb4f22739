namespace Portal.Core.Record;

/// <summary>A clinician's visit summary, as the portal API takes it (creating a visit, or replacing its summary).</summary>
/// <param name="Start">When the visit began.</param>
/// <param name="End">When it ended, if known.</param>
/// <param name="Type">The kind of visit (<c>Office visit</c>).</param>
/// <param name="Class">Where it happened (default: at the clinic).</param>
/// <param name="Provider">Who the patient saw.</param>
/// <param name="Location">Where.</param>
/// <param name="Reason">Why the patient came.</param>
/// <param name="Diagnoses">The diagnoses made.</param>
/// <param name="Summary">The after-visit summary for the patient.</param>
/// <param name="Instructions">What the patient should do, one line each.</param>
/// <param name="FollowUps">Follow-ups to arrange.</param>
/// <param name="Confidential">Adolescent-confidential: hidden from caregivers.</param>
public sealed record VisitSummaryRequest(
    DateTimeOffset Start,
    DateTimeOffset? End,
    string Type,
    VisitClass? Class,
    string? Provider,
    string? Location,
    string? Reason,
    IReadOnlyList<VisitDiagnosis>? Diagnoses,
    string Summary,
    IReadOnlyList<string>? Instructions,
    IReadOnlyList<FollowUp>? FollowUps,
    bool Confidential = false);

/// <summary>A medication a clinician adds to the record (prescribed now or found to be taken).</summary>
/// <param name="Name">The drug as people read it.</param>
/// <param name="RxNormCode">Its RxNorm code, if known.</param>
/// <param name="DoseInstructions">How to take it.</param>
/// <param name="Prescriber">Who prescribed it.</param>
/// <param name="Start">When it starts: a date (YYYY-MM-DD).</param>
/// <param name="End">When it is planned to end, if it is.</param>
/// <param name="RefillsRemaining">Refills on the prescription.</param>
/// <param name="DaysSupply">Days one fill lasts.</param>
/// <param name="Quantity">How much one fill holds.</param>
/// <param name="ControlledSubstance">A controlled substance.</param>
/// <param name="Reason">Why it is taken.</param>
/// <param name="VisitId">The visit it was started at, if any.</param>
/// <param name="Confidential">Adolescent-confidential: hidden from caregivers.</param>
public sealed record NewMedication(
    string Name,
    string? RxNormCode,
    string DoseInstructions,
    string? Prescriber,
    string Start,
    string? End,
    int? RefillsRemaining,
    int? DaysSupply,
    RecordQuantity? Quantity,
    bool ControlledSubstance = false,
    string? Reason = null,
    string? VisitId = null,
    bool Confidential = false);

/// <summary>Ending a medication.</summary>
/// <param name="Status">Stopped (ended early) or completed (finished as planned).</param>
/// <param name="End">When it ended: a date (default: today at the clinic).</param>
/// <param name="Reason">Why, for the patient.</param>
/// <param name="VisitId">The visit it was stopped at, if any.</param>
public sealed record MedicationEnd(MedicationStatus Status, string? End = null, string? Reason = null, string? VisitId = null);
