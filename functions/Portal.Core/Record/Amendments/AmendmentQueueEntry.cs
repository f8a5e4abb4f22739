namespace Portal.Core.Record.Amendments;

/// <summary>An open request as the staff's queue holds it: enough to triage, nothing of what it says.</summary>
/// <param name="PatientId">Whose record.</param>
/// <param name="RequestId">The request.</param>
/// <param name="Section">The section of the item it is about, or null for the record in general.</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="DueAt">When the answer is due.</param>
/// <param name="Extended">True once the deadline was extended.</param>
public sealed record AmendmentQueueEntry(string PatientId, string RequestId, RecordSection? Section, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, bool Extended)
{
    /// <summary>The entry of an open request, or null for a decided one (it leaves the queue).</summary>
    public static AmendmentQueueEntry? Of(AmendmentRequest request) => request.State == AmendmentState.Received
        ? new(request.PatientId, request.RequestId, request.Target?.Section, request.ReceivedAt, request.DueAt, request.Extension is not null)
        : null;
}
