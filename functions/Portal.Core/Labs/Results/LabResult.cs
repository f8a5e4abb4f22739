namespace Portal.Core.Labs.Results;

/// <summary>
/// One ordered test's results in the patient's chart (an HL7 OBR group, a FHIR DiagnosticReport), as it stands now:
/// the current version of the lab's report, whether the patient may see it yet, and what happened to it.
/// Its observations are stored beside it per version (<see cref="ResultObservation"/>).
/// </summary>
/// <param name="PatientId">Whose chart.</param>
/// <param name="ResultId">Stable id: the same lab, order and test always give the same id, so a correction replaces it.</param>
/// <param name="Facility">The sending lab.</param>
/// <param name="OrderNumber">The lab's (filler) order number, else the placer's.</param>
/// <param name="TestCode">The test's LOINC code, else its primary code.</param>
/// <param name="TestName">The test as the lab names it.</param>
/// <param name="Category">For the patient's hold choices.</param>
/// <param name="Status">The lab's status of this version (final, preliminary, corrected, cancelled …).</param>
/// <param name="CollectedAt">When the specimen was taken.</param>
/// <param name="ReportedAt">When the lab reported or last changed it.</param>
/// <param name="ReceivedAt">When this version reached the portal.</param>
/// <param name="OrderingProvider">Who ordered it.</param>
/// <param name="PerformingLab">The lab that performed it (name and address line).</param>
/// <param name="Notes">The lab's notes on the order.</param>
/// <param name="Version">1 for the first report, one more for each replacement.</param>
/// <param name="ObservationCount">How many observations this version has.</param>
/// <param name="Flags">The patient-facing flags over all observations.</param>
/// <param name="Release">Whether the patient sees it.</param>
/// <param name="ReleasedAt">When it was released.</param>
/// <param name="Hold">The hold in force, when held.</param>
/// <param name="HoldHistory">Every hold set, ended or released, oldest first.</param>
/// <param name="Comment">The clinician's comment the patient sees.</param>
/// <param name="ReviewedAt">When the patient first read it.</param>
/// <param name="History">The versions it replaced, oldest first.</param>
/// <param name="AppliedMessages">The messages already applied (facility|control id), so a retry changes nothing.</param>
public sealed record LabResult(
    string PatientId,
    string ResultId,
    string Facility,
    string? OrderNumber,
    string? TestCode,
    string TestName,
    ResultCategory Category,
    LabResultStatus Status,
    DateTimeOffset? CollectedAt,
    DateTimeOffset? ReportedAt,
    DateTimeOffset ReceivedAt,
    string? OrderingProvider,
    string? PerformingLab,
    IReadOnlyList<string> Notes,
    int Version,
    int ObservationCount,
    IReadOnlyList<ResultFlag> Flags,
    ReleaseState Release,
    DateTimeOffset? ReleasedAt,
    ResultHold? Hold,
    IReadOnlyList<HoldEvent> HoldHistory,
    ClinicianComment? Comment,
    DateTimeOffset? ReviewedAt,
    IReadOnlyList<ResultVersion> History,
    IReadOnlyList<string> AppliedMessages)
{
    /// <summary>The time results are listed by: collection, else report, else receipt.</summary>
    public DateTimeOffset SortTime => CollectedAt ?? ReportedAt ?? ReceivedAt;

    /// <summary>True when the patient and caregivers may see it.</summary>
    public bool IsReleased => Release == ReleaseState.Released;
}

/// <summary>Whether the patient sees a result.</summary>
public enum ReleaseState
{
    /// <summary>Visible to the patient and caregivers with <c>results.read</c>.</summary>
    Released,

    /// <summary>Held at the patient's own request (their per-category choice), at most 7 days.</summary>
    HeldByPatientChoice,

    /// <summary>Held by a clinician under the preventing-harm exception, with a reason and an end date.</summary>
    HeldByClinician,
}

/// <summary>A hold in force.</summary>
/// <param name="Kind">Patient's choice or clinician's hold.</param>
/// <param name="Until">When it ends and the timer releases the result.</param>
/// <param name="Reason">Why (the patient's choice names the category; the clinician writes theirs).</param>
/// <param name="By">Who set it (the patient's sign-in subject for their choice, the clinician's otherwise).</param>
/// <param name="ByName">Their name, for staff.</param>
/// <param name="SetAt">When.</param>
public sealed record ResultHold(ReleaseState Kind, DateTimeOffset Until, string Reason, string By, string? ByName, DateTimeOffset SetAt);

/// <summary>Something that happened to a result's release, for staff and the audit trail.</summary>
/// <param name="At">When.</param>
/// <param name="Action"><c>held</c>, <c>released</c> (by a clinician), <c>hold-ended</c> (by the timer).</param>
/// <param name="By">Who (subject), or <c>system</c>.</param>
/// <param name="ByName">Their name.</param>
/// <param name="Reason">The hold's reason or the release comment.</param>
/// <param name="Until">The hold's end, for <c>held</c>.</param>
public sealed record HoldEvent(DateTimeOffset At, string Action, string By, string? ByName, string? Reason, DateTimeOffset? Until);

/// <summary>A clinician's short comment on a result, shown to the patient.</summary>
/// <param name="Text">The comment.</param>
/// <param name="By">The clinician's subject.</param>
/// <param name="ByName">Their name.</param>
/// <param name="At">When.</param>
public sealed record ClinicianComment(string Text, string By, string? ByName, DateTimeOffset At);

/// <summary>A version a correction or update replaced.</summary>
/// <param name="Version">Its number.</param>
/// <param name="Status">Its status.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="ObservationCount">How many observations it had (still stored).</param>
public sealed record ResultVersion(int Version, LabResultStatus Status, DateTimeOffset ReceivedAt, int ObservationCount);
