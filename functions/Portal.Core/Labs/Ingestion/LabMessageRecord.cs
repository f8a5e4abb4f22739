namespace Portal.Core.Labs.Ingestion;

/// <summary>
/// The ledger entry of one message (sending lab + control id): written before anything else, it pins the decisions
/// (which chart or work-queue entry each patient's results go to) so that a redelivery changes nothing and a retry
/// after a partial failure finishes the same way.
/// </summary>
/// <param name="Facility">The sending lab.</param>
/// <param name="ControlId">MSH-10, or the FHIR message id.</param>
/// <param name="ReceivedAt">When it first arrived.</param>
/// <param name="ArchivePath">Where the original is kept (container <c>lab-messages</c>).</param>
/// <param name="Channel">The way it first came in.</param>
/// <param name="Format">HL7 v2 or FHIR R4.</param>
/// <param name="Completed">True once every patient's results are stored.</param>
/// <param name="Assignments">Per patient in the message: their chart, or their work-queue entry.</param>
/// <param name="Warnings">What the reader tolerated.</param>
public sealed record LabMessageRecord(
    string Facility,
    string ControlId,
    DateTimeOffset ReceivedAt,
    string ArchivePath,
    string Channel,
    LabReportFormat Format,
    bool Completed,
    IReadOnlyList<PatientAssignment> Assignments,
    IReadOnlyList<string> Warnings)
{
    /// <summary><c>facility|controlId</c>: how results remember the messages applied to them.</summary>
    public string Key => $"{Facility}|{ControlId}";
}

/// <summary>Where one patient's results of a message go.</summary>
/// <param name="Group">The patient's position in the message (0-based).</param>
/// <param name="PatientId">The matched chart, or null.</param>
/// <param name="UnmatchedId">The work-queue entry, when not matched.</param>
/// <param name="Reason">Why not matched, for staff.</param>
public sealed record PatientAssignment(int Group, string? PatientId, string? UnmatchedId, string? Reason);
