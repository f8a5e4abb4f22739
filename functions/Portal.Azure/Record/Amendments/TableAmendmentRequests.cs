using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Notifications;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Core.Record.Amendments;

namespace Portal.Azure.Record.Amendments;

/// <summary>
/// Amendment requests in the patient's <c>Charts</c> partition, <c>amend|{requestId}</c> (newest first; <c>ItemId</c>
/// and <c>Confidential</c> as columns so a list filters in the query), and the staff's queue in <c>Lookups</c>
/// partition <c>amend-open</c>, RowKey <c>{received, ticks}|{patientId}|{requestId}</c> (oldest first), one row per
/// open request. The queue row's key never changes (receipt is fixed), so keeping it in line is one upsert or delete.
/// </summary>
internal sealed class TableAmendmentRequests(PortalTables tables) : IAmendmentRequests
{
    private const string Prefix = "amend|";
    private const string QueuePartition = "amend-open";

    public async Task<Versioned<AmendmentRequest>?> FindAsync(string patientId, string requestId, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), Prefix + requestId, ["Data"], cancellationToken);
        return response.HasValue ? new Versioned<AmendmentRequest>(Read<AmendmentRequest>(response.Value!), response.Value!.ETag.ToString()) : null;
    }

    public Task<Portal.Core.Common.Page<AmendmentRequest>> ListAsync(
        string patientId, string? itemId, bool includeConfidential, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var partition = TableKeys.Encode(patientId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {Prefix} and RowKey lt {"amend}"}");
        if (itemId is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"ItemId eq {itemId}");
        }

        if (!includeConfidential)
        {
            filter += " and Confidential eq false";
        }

        return PagedQueries.ReadAsync(
            tables.Charts, filter, pageSize, continuationToken, $"amend|{patientId}|{itemId}|{includeConfidential}", Read<AmendmentRequest>, cancellationToken);
    }

    public async Task<string> AddAsync(AmendmentRequest request, CancellationToken cancellationToken)
    {
        // Index first: a queue row whose request never lands opens on a 404, and the retry writes the request.
        await ReconcileQueueAsync(request, cancellationToken);
        var response = await TableErrors.ConditionallyAsync(() => tables.Charts.AddEntityAsync(ToEntity(request), cancellationToken), "The amendment request");
        return response.Headers.ETag.ToString()!;
    }

    public async Task<string> SaveAsync(AmendmentRequest request, string eTag, Notice? notice, CancellationToken cancellationToken)
    {
        var response = await NoticeRows.CommitAsync(
            tables, [new(TableTransactionActionType.UpdateReplace, ToEntity(request), new ETag(eTag))], notice, "The amendment request", cancellationToken);

        // After the chart: a decided request leaves the queue only once its decision is stored. A statement of
        // disagreement follows a denial, whose write removed the row already.
        if (request.Disagreement is null)
        {
            await ReconcileQueueAsync(request, cancellationToken);
        }

        return response.Value[0].Headers.ETag.ToString()!;
    }

    public async Task ReconcileQueueAsync(AmendmentRequest request, CancellationToken cancellationToken)
    {
        if (AmendmentQueueEntry.Of(request) is { } entry)
        {
            await tables.Lookups.UpsertEntityAsync(
                new TableEntity(QueuePartition, QueueRow(request)) { ["Data"] = JsonSerializer.Serialize(entry, PortalJson.Options) },
                TableUpdateMode.Replace,
                cancellationToken);
        }
        else
        {
            try
            {
                await tables.Lookups.DeleteEntityAsync(QueuePartition, QueueRow(request), ETag.All, cancellationToken);
            }
            catch (RequestFailedException e) when (TableErrors.IsNotFound(e))
            {
                // Left the queue already.
            }
        }
    }

    public Task<Portal.Core.Common.Page<AmendmentQueueEntry>> OpenAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        PagedQueries.ReadAsync(
            tables.Lookups, TableClient.CreateQueryFilter($"PartitionKey eq {QueuePartition}"), pageSize, continuationToken, QueuePartition,
            Read<AmendmentQueueEntry>, cancellationToken);

    private static string QueueRow(AmendmentRequest request) =>
        $"{request.ReceivedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}|{TableKeys.Encode(request.PatientId)}|{request.RequestId}";

    private static TableEntity ToEntity(AmendmentRequest request) => new(TableKeys.Encode(request.PatientId), Prefix + request.RequestId)
    {
        ["Data"] = JsonSerializer.Serialize(request, PortalJson.Options),
        ["ItemId"] = request.Target?.ItemId ?? "",
        ["Confidential"] = request.Confidential,
    };

    private static T Read<T>(TableEntity entity) => JsonSerializer.Deserialize<T>(entity.GetString("Data"), PortalJson.Options)!;
}
