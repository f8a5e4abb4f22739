using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>
/// A request to refill one or more of the patient's medications at a pharmacy, with every change of its state kept
/// in <see cref="History"/> (who, when, why), so the patient can follow it to the pharmacy.
/// </summary>
/// <param name="PatientId">Whose (the chart partition).</param>
/// <param name="RequestId">Unique in the chart; sorts newest first.</param>
/// <param name="Medications">The medications asked for, as they were when asked.</param>
/// <param name="Pharmacy">Where to send it.</param>
/// <param name="Note">The patient's note to the care team, if any.</param>
/// <param name="RequestedBy">Who asked (sign-in subject).</param>
/// <param name="RequestedByName">Their name as shown.</param>
/// <param name="OnBehalfOf">The patient, when a caregiver asked.</param>
/// <param name="RequestedAt">When it was received: the clinic's target runs from here.</param>
/// <param name="DueAt">The clinic's target: the end of the Nth business day after the day it was received.</param>
/// <param name="State">Where it stands now.</param>
/// <param name="History">Every state it has been in, oldest first (the first is <see cref="RefillState.Requested"/>).</param>
/// <param name="Approval">What was approved, once approved.</param>
/// <param name="DenialReason">Why it was denied, once denied.</param>
/// <param name="Visit">The visit to book, once a visit is needed.</param>
public sealed record RefillRequest(
    string PatientId,
    string RequestId,
    IReadOnlyList<RefillMedication> Medications,
    Pharmacy Pharmacy,
    string? Note,
    string RequestedBy,
    string RequestedByName,
    string? OnBehalfOf,
    DateTimeOffset RequestedAt,
    DateTimeOffset DueAt,
    RefillState State,
    IReadOnlyList<RefillStep> History,
    IReadOnlyList<ApprovedMedication>? Approval = null,
    string? DenialReason = null,
    VisitNeeded? Visit = null)
{
    /// <summary>True while the care team has still to decide (requested or in review).</summary>
    public bool IsOpen => State is RefillState.Requested or RefillState.InReview;

    /// <summary>True when one of its medications is adolescent-confidential: hidden from caregivers, and no notice goes.</summary>
    public bool Confidential => Medications.Any(m => m.Confidential);
}

/// <summary>A medication on a request.</summary>
/// <param name="MedicationId">The medication's item id in the record (the FHIR MedicationRequest id).</param>
/// <param name="Name">Its name when asked.</param>
/// <param name="Version">The item's version when asked.</param>
/// <param name="Confidential">True when the item is adolescent-confidential.</param>
public sealed record RefillMedication(string MedicationId, string Name, int Version, bool Confidential = false);

/// <summary>One state the request was in.</summary>
/// <param name="State">The state entered.</param>
/// <param name="At">When.</param>
/// <param name="By">Who (subject).</param>
/// <param name="ByName">Their name as shown.</param>
/// <param name="Note">What they said (a denial's reason, an approval's note), if anything.</param>
public sealed record RefillStep(RefillState State, DateTimeOffset At, string By, string ByName, string? Note = null);

/// <summary>What was approved for one medication: the prescription as sent to the pharmacy.</summary>
/// <param name="MedicationId">The medication.</param>
/// <param name="Refills">Refills on the new prescription (0 to 11).</param>
/// <param name="Quantity">How much one fill holds, when it changes.</param>
/// <param name="DaysSupply">Days one fill lasts, when it changes (1 to 365).</param>
public sealed record ApprovedMedication(string MedicationId, int Refills, RecordQuantity? Quantity = null, int? DaysSupply = null);

/// <summary>The visit the prescriber needs first.</summary>
/// <param name="VisitTypeId">The visit type staff chose.</param>
/// <param name="VisitTypeName">Its name as patients see it.</param>
/// <param name="BookingLink">Where the patient books it in the portal (<c>/appointments/new?visitType=…</c>).</param>
public sealed record VisitNeeded(string VisitTypeId, string VisitTypeName, string BookingLink);
