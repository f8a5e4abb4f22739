using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>
/// Port: the medications and allergies patients report, in the chart partition, and the clinicians' reconciliation
/// queue (an index in its own partition, oldest first): a new report's queue row goes first, a reconciled report's row
/// is removed after it.
/// </summary>
public interface IReportedItems
{
    /// <summary>The report with its ETag, or null. One point read.</summary>
    Task<Versioned<ReportedItem>?> FindAsync(string patientId, string reportId, CancellationToken cancellationToken);

    /// <summary>One page of the patient's reports, newest first; of one section only when given. One range query.</summary>
    Task<Page<ReportedItem>> ListAsync(string patientId, RecordSection? section, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>Adds a report (its queue row first); the same report again is a <see cref="ConcurrencyConflictException"/>.</summary>
    Task<string> AddAsync(ReportedItem report, CancellationToken cancellationToken);

    /// <summary>Replaces the report if <paramref name="eTag"/> matches, with its notice; then brings its queue row in line. Stale: <see cref="ConcurrencyConflictException"/>.</summary>
    Task<string> SaveAsync(ReportedItem report, string eTag, Notice? notice, CancellationToken cancellationToken);

    /// <summary>One page of the reports of every patient awaiting reconciliation, oldest first. One query.</summary>
    Task<Page<ReportedQueueEntry>> QueueAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken);
}

/// <summary>A report awaiting reconciliation, as the clinicians' queue holds it.</summary>
/// <param name="PatientId">Whose.</param>
/// <param name="ReportId">Which.</param>
/// <param name="Section">Medications or allergies.</param>
/// <param name="ReportedAt">When it was reported.</param>
public sealed record ReportedQueueEntry(string PatientId, string ReportId, RecordSection Section, DateTimeOffset ReportedAt)
{
    /// <summary>The entry of a report awaiting review, or null (it leaves the queue).</summary>
    public static ReportedQueueEntry? Of(ReportedItem report) =>
        report.AwaitsReview ? new(report.PatientId, report.ReportId, report.Section, report.ReportedAt) : null;
}
