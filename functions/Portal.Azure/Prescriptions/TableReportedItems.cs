using Azure;
using Azure.Data.Tables;
using Portal.Azure.Notifications;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Core.Prescriptions;
using Portal.Core.Record;

namespace Portal.Azure.Prescriptions;

/// <summary>
/// Patient-reported medications and allergies in the patient's <c>Charts</c> partition, <c>rxrep|{reportId}</c> (newest
/// first; <c>Section</c> as a column), and the clinicians' reconciliation queue in <c>Lookups</c> partition
/// <c>reported-open</c>, RowKey <c>{reported ticks}|{patientId}|{reportId}</c>, one row per report awaiting review.
/// </summary>
internal sealed class TableReportedItems(PortalTables tables) : IReportedItems
{
    private const string Prefix = "rxrep|";
    private const string QueuePartition = "reported-open";

    public async Task<Versioned<ReportedItem>?> FindAsync(string patientId, string reportId, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), Prefix + reportId, ["Data"], cancellationToken);
        return response.HasValue ? new Versioned<ReportedItem>(PrescriptionRows.Read<ReportedItem>(response.Value!), response.Value!.ETag.ToString()) : null;
    }

    public Task<Portal.Core.Common.Page<ReportedItem>> ListAsync(string patientId, RecordSection? section, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var filter = PrescriptionRows.Range(patientId, Prefix) + (section is { } only ? " and " + TableClient.CreateQueryFilter($"Section eq {only.ToString()}") : "");
        return PagedQueries.ReadAsync(tables.Charts, filter, pageSize, continuationToken, $"rxrep|{patientId}|{section}", PrescriptionRows.Read<ReportedItem>, cancellationToken);
    }

    public async Task<string> AddAsync(ReportedItem report, CancellationToken cancellationToken)
    {
        await ReconcileQueueAsync(report, cancellationToken);
        var response = await TableErrors.ConditionallyAsync(() => tables.Charts.AddEntityAsync(ToEntity(report), cancellationToken), "The report");
        return response.Headers.ETag.ToString()!;
    }

    public async Task<string> SaveAsync(ReportedItem report, string eTag, Notice? notice, CancellationToken cancellationToken)
    {
        var response = await NoticeRows.CommitAsync(
            tables, [new(TableTransactionActionType.UpdateReplace, ToEntity(report), new ETag(eTag))], notice, "The report", cancellationToken);
        if (!report.AwaitsReview)
        {
            // After the chart: a reconciled report leaves the queue once its reconciliation is stored.
            await ReconcileQueueAsync(report, cancellationToken);
        }

        return response.Value[0].Headers.ETag.ToString()!;
    }

    public Task<Portal.Core.Common.Page<ReportedQueueEntry>> QueueAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        PagedQueries.ReadAsync(
            tables.Lookups, TableClient.CreateQueryFilter($"PartitionKey eq {QueuePartition}"), pageSize, continuationToken, QueuePartition,
            PrescriptionRows.Read<ReportedQueueEntry>, cancellationToken);

    private Task ReconcileQueueAsync(ReportedItem report, CancellationToken cancellationToken) =>
        PrescriptionRows.ReconcileAsync(tables, QueuePartition, PrescriptionRows.QueueRow(report.ReportedAt, report.PatientId, report.ReportId), ReportedQueueEntry.Of(report), cancellationToken);

    private static TableEntity ToEntity(ReportedItem report) => new(TableKeys.Encode(report.PatientId), Prefix + report.ReportId)
    {
        ["Data"] = PrescriptionRows.Json(report),
        ["Section"] = report.Section.ToString(),
    };
}
