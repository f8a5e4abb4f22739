using Portal.Core.Record;
using Portal.Core.Record.Amendments;

namespace Portal.Functions.Record;

/// <summary>A request with the item it is about as the record holds it now (null for the record in general).</summary>
public sealed record AmendmentDetail(AmendmentRequest Request, RecordItem? Item);

/// <summary>One page of a patient's requests, newest first.</summary>
public sealed record AmendmentPage(IReadOnlyList<AmendmentRequest> Items, string? ContinuationToken);

/// <summary>An open request in the staff's queue: whose, about which section, and how its deadline stands.</summary>
public sealed record QueuedAmendment(
    string PatientId, string RequestId, RecordSection? Section, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, bool Extended, int DaysLeft, bool Overdue)
{
    internal static QueuedAmendment From(AmendmentQueueItem item) => new(
        item.Entry.PatientId, item.Entry.RequestId, item.Entry.Section, item.Entry.ReceivedAt, item.Entry.DueAt, item.Entry.Extended, item.DaysLeft, item.Overdue);
}

/// <summary>One page of the staff's queue: open requests, oldest receipt first.</summary>
public sealed record AmendmentQueuePage(IReadOnlyList<QueuedAmendment> Items, string? ContinuationToken);
