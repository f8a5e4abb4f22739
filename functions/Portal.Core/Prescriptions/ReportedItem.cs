using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>
/// A medication or allergy the patient (or a caregiver) reported, kept with its provenance and shown as "reported by
/// you, not yet reviewed" until a clinician reconciles it into the chart: accepted as reported, accepted as edited
/// (the chart item then carries the patient's report as its first version), or rejected with a note.
/// </summary>
/// <param name="PatientId">Whose (the chart partition).</param>
/// <param name="ReportId">Unique in the chart; sorts newest first.</param>
/// <param name="Content">What was reported: a medication or an allergy, in the record's models.</param>
/// <param name="Source">For a medication: over the counter, or from another doctor.</param>
/// <param name="ReportedBy">Who reported it (subject).</param>
/// <param name="ReportedByName">Their name as shown.</param>
/// <param name="OnBehalfOf">The patient, when a caregiver reported it.</param>
/// <param name="ReportedAt">When.</param>
/// <param name="Stopped">When the reporter marked it stopped, if they did.</param>
/// <param name="StopNote">What they said then.</param>
/// <param name="Reconciliation">The clinician's reconciliation, once done.</param>
public sealed record ReportedItem(
    string PatientId,
    string ReportId,
    RecordContent Content,
    ReportedSource? Source,
    string ReportedBy,
    string ReportedByName,
    string? OnBehalfOf,
    DateTimeOffset ReportedAt,
    DateTimeOffset? Stopped,
    string? StopNote,
    Reconciliation? Reconciliation)
{
    /// <summary>Medications or allergies.</summary>
    public RecordSection Section => Content.Section;

    /// <summary>True until a clinician reconciled it.</summary>
    public bool AwaitsReview => Reconciliation is null;

    /// <summary>What the portal shows with it.</summary>
    public string Status => Reconciliation switch
    {
        null => "Reported by you, not yet reviewed",
        { Outcome: ReconcileOutcome.Rejected } => "Reviewed by your care team: not added to your record",
        _ => "Reviewed by your care team: added to your record",
    };
}

/// <summary>Where a reported medication comes from.</summary>
public enum ReportedSource
{
    /// <summary>Bought without a prescription (including vitamins and supplements).</summary>
    OverTheCounter,

    /// <summary>Prescribed by a doctor outside this clinic.</summary>
    OtherClinician,
}

/// <summary>How a clinician reconciled a report.</summary>
public enum ReconcileOutcome
{
    /// <summary>Added to the chart as reported.</summary>
    Accepted,

    /// <summary>Added to the chart as the clinician corrected it.</summary>
    Edited,

    /// <summary>Not added (a duplicate, a misunderstanding …), with a note.</summary>
    Rejected,
}

/// <summary>A clinician's reconciliation.</summary>
/// <param name="Outcome">Accepted, edited or rejected.</param>
/// <param name="Note">For the patient.</param>
/// <param name="ItemId">The chart item it became (accepted or edited); its first version is the patient's report.</param>
/// <param name="At">When.</param>
/// <param name="By">Who (subject).</param>
/// <param name="ByName">Their name as shown.</param>
public sealed record Reconciliation(ReconcileOutcome Outcome, string? Note, string? ItemId, DateTimeOffset At, string By, string ByName);
