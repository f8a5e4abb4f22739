namespace Portal.Core.Labs.Ingestion;

/// <summary>What became of a lab message; every way in answers from it (an HL7 ACK, an OperationOutcome, a queue verdict).</summary>
/// <param name="Accepted">True when the message was stored (in patients' charts or the unmatched work queue).</param>
/// <param name="Refusal">Why it was not, when not.</param>
/// <param name="Format">The format it was read as.</param>
/// <param name="Facility">The sending lab, when read.</param>
/// <param name="MessageControlId">MSH-10 or the FHIR message id, when read.</param>
/// <param name="Duplicate">True when it had been stored before: nothing changed.</param>
/// <param name="Patients">Charts the results went to.</param>
/// <param name="Unmatched">Work-queue entries made for patients not confidently matched.</param>
/// <param name="Warnings">What the reader tolerated, for the lab interface team.</param>
public sealed record LabIngestOutcome(
    bool Accepted,
    LabRefusal? Refusal,
    LabReportFormat? Format,
    string? Facility,
    string? MessageControlId,
    bool Duplicate,
    IReadOnlyList<string> Patients,
    IReadOnlyList<string> Unmatched,
    IReadOnlyList<string> Warnings)
{
    /// <summary>A refused message.</summary>
    public static LabIngestOutcome Refused(LabRefusal refusal, LabReportFormat? format) =>
        new(false, refusal, format, null, refusal.MessageControlId, false, [], [], []);

    /// <summary>True when the refusal would be the same however often it is sent (the queues do not retry it).</summary>
    public bool IsPermanentRefusal => !Accepted && Refusal?.Reason != LabRefusalReason.InternalError;
}
