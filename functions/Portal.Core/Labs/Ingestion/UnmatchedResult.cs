namespace Portal.Core.Labs.Ingestion;

/// <summary>
/// An entry of the unmatched-results work queue: one patient's results of a message that could not be attached to a
/// chart with confidence. The results themselves stay in the archived original until a clinician or administrator
/// matches the entry to a patient (they are then stored as if the lab had matched them) or rejects it with a reason.
/// </summary>
/// <param name="UnmatchedId">Newest first; the same message and patient always give the same id.</param>
/// <param name="ReceivedAt">When the message arrived.</param>
/// <param name="Facility">The sending lab.</param>
/// <param name="ControlId">The message's control id.</param>
/// <param name="ArchivePath">The original.</param>
/// <param name="Format">Its format.</param>
/// <param name="Group">The patient's position in the message.</param>
/// <param name="Reason">Why it was not matched.</param>
/// <param name="Patient">The patient as the lab identifies them.</param>
/// <param name="Tests">The tests reported.</param>
/// <param name="ObservationCount">How many observations.</param>
/// <param name="State">Open, matched or rejected.</param>
/// <param name="Resolution">Who resolved it, when and how.</param>
public sealed record UnmatchedResult(
    string UnmatchedId,
    DateTimeOffset ReceivedAt,
    string Facility,
    string ControlId,
    string ArchivePath,
    LabReportFormat Format,
    int Group,
    string Reason,
    UnmatchedPatient Patient,
    IReadOnlyList<string> Tests,
    int ObservationCount,
    UnmatchedState State,
    UnmatchedResolution? Resolution);

/// <summary>The patient as the lab sent them, for staff to find the right chart.</summary>
/// <param name="FamilyName">Family name.</param>
/// <param name="GivenName">Given name.</param>
/// <param name="BirthDate">Birth date as sent.</param>
/// <param name="Sex">Administrative sex as sent.</param>
/// <param name="Identifiers">Identifiers with their authority and type, e.g. <c>36363636 (MPI, MR)</c>.</param>
public sealed record UnmatchedPatient(string? FamilyName, string? GivenName, string? BirthDate, string? Sex, IReadOnlyList<string> Identifiers);

/// <summary>Where an unmatched entry stands.</summary>
public enum UnmatchedState
{
    /// <summary>Waiting for staff.</summary>
    Open,

    /// <summary>A staff member chose the patient; the results are being stored (a retry of the same choice finishes it).</summary>
    Matching,

    /// <summary>Matched to a patient and stored in their chart.</summary>
    Matched,

    /// <summary>Rejected with a reason (not our patient, a test message …).</summary>
    Rejected,
}

/// <summary>How staff resolved an entry.</summary>
/// <param name="By">Their subject.</param>
/// <param name="ByName">Their name.</param>
/// <param name="At">When.</param>
/// <param name="PatientId">The chart, when matched.</param>
/// <param name="RejectReason">Why, when rejected.</param>
public sealed record UnmatchedResolution(string By, string? ByName, DateTimeOffset At, string? PatientId, string? RejectReason);
