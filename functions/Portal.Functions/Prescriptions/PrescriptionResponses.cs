using Portal.Core.Prescriptions;
using Portal.Core.Record;

namespace Portal.Functions.Prescriptions;

/// <summary>The patient's medications: the chart's, then those the patient reported that await review.</summary>
public sealed record MedicationList(IReadOnlyList<MedicationView> Items);

/// <summary>The patient's pharmacies.</summary>
public sealed record PharmacyList(IReadOnlyList<Pharmacy> Items);

/// <summary>One page of a patient's refill requests, newest first.</summary>
public sealed record RefillRequestPage(IReadOnlyList<RefillRequest> Items, string? ContinuationToken);

/// <summary>An open refill request in the staff's queue, with its waiting time against the clinic's target.</summary>
public sealed record QueuedRefill(
    string PatientId, string RequestId, RefillState State, DateTimeOffset RequestedAt, DateTimeOffset DueAt, int MedicationCount,
    int WaitingHours, int BusinessDaysWaiting, int TargetBusinessDays, bool Overdue)
{
    internal static QueuedRefill From(RefillQueueItem item) => new(
        item.Entry.PatientId, item.Entry.RequestId, item.Entry.State, item.Entry.RequestedAt, item.Entry.DueAt, item.Entry.MedicationCount,
        item.WaitingHours, item.BusinessDaysWaiting, item.TargetBusinessDays, item.Overdue);
}

/// <summary>One page of the refill queue, oldest first.</summary>
public sealed record RefillQueuePage(IReadOnlyList<QueuedRefill> Items, string? ContinuationToken);

/// <summary>The results of a batch of decisions, in order.</summary>
public sealed record RefillBatchResults(IReadOnlyList<RefillBatchResult> Results);

/// <summary>A reported item as the patient reads it: the report and where its review stands.</summary>
public sealed record ReportedItemView(ReportedItem Report, string Status)
{
    internal static ReportedItemView From(ReportedItem report) => new(report, report.Status);
}

/// <summary>One page of the patient's reports, newest first.</summary>
public sealed record ReportedItemPage(IReadOnlyList<ReportedItemView> Items, string? ContinuationToken);

/// <summary>A report awaiting reconciliation in the clinicians' queue.</summary>
public sealed record QueuedReport(string PatientId, string ReportId, RecordSection Section, DateTimeOffset ReportedAt);

/// <summary>One page of the reconciliation queue, oldest first.</summary>
public sealed record ReconciliationQueuePage(IReadOnlyList<QueuedReport> Items, string? ContinuationToken);
