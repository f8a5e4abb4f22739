namespace Portal.Core.Record;

/// <summary>
/// A medication the patient takes or took (FHIR <c>MedicationRequest</c>). The refill fields are what refill
/// requests read: refills remaining, days supply, quantity, last fill and whether it is a controlled substance.
/// The visit it was started at is the item's <see cref="RecordItem.VisitId"/>; the visit it was stopped at is
/// <see cref="StoppedVisitId"/>.
/// </summary>
/// <param name="Name">The drug as people read it (<c>Lisinopril 10 MG Oral Tablet</c>).</param>
/// <param name="Codes">The drug's codes: RxNorm first when sent (see <see cref="RxNorm"/>).</param>
/// <param name="DoseInstructions">How to take it (<c>1 tablet by mouth once daily</c>).</param>
/// <param name="Prescriber">Who prescribed it, as people read it.</param>
/// <param name="Start">When it was started: FHIR date or dateTime.</param>
/// <param name="End">When it ended or ends: FHIR date or dateTime, if known.</param>
/// <param name="Status">Active, on hold, stopped or completed.</param>
/// <param name="RefillsRemaining">Refills left on the prescription, if known.</param>
/// <param name="DaysSupply">Days one fill lasts, if known.</param>
/// <param name="Quantity">How much one fill holds, if known.</param>
/// <param name="LastFillDate">When it was last filled: FHIR date, if known.</param>
/// <param name="ControlledSubstance">True for a controlled substance (refills need a visit or a new prescription).</param>
/// <param name="Reason">Why it was prescribed, as people read it.</param>
/// <param name="StoppedVisitId">The visit at which it was stopped, if it was stopped at one.</param>
/// <param name="StopReason">Why it was stopped, if it was.</param>
public sealed record Medication(
    string Name,
    IReadOnlyList<RecordCode> Codes,
    string? DoseInstructions,
    string? Prescriber,
    string? Start,
    string? End,
    MedicationStatus Status,
    int? RefillsRemaining = null,
    int? DaysSupply = null,
    RecordQuantity? Quantity = null,
    string? LastFillDate = null,
    bool ControlledSubstance = false,
    string? Reason = null,
    string? StoppedVisitId = null,
    string? StopReason = null)
{
    /// <summary>The RxNorm code, if sent.</summary>
    public RecordCode? RxNorm => RecordCode.Find(Codes, CodeSystems.RxNorm);
}

/// <summary>Where a medication stands (FHIR <c>medicationrequest-status</c>, simplified for patients).</summary>
public enum MedicationStatus
{
    /// <summary>Being taken.</summary>
    Active,

    /// <summary>Paused for now.</summary>
    OnHold,

    /// <summary>Stopped before its planned end (FHIR stopped or cancelled).</summary>
    Stopped,

    /// <summary>Finished as planned.</summary>
    Completed,
}
