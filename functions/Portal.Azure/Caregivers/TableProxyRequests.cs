using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Caregivers;
using Portal.Core.Common;

namespace Portal.Azure.Caregivers;

/// <summary>
/// Proxy requests in <c>Lookups</c>: partition <c>proxy-request</c>, RowKey = request id, the record as JSON; and the
/// reviewers' queue, partition <c>proxy-request-open</c>, RowKey <c>{filed ticks}|{id}</c> (oldest first) with a copy
/// of the record, written first and removed once the request is decided.
/// </summary>
internal sealed class TableProxyRequests(PortalTables tables) : IProxyRequests
{
    private const string Partition = "proxy-request";
    private const string OpenPartition = "proxy-request-open";

    public async Task CreateAsync(ProxyRequest request, CancellationToken cancellationToken)
    {
        await tables.Lookups.UpsertEntityAsync(QueueEntity(request), TableUpdateMode.Replace, cancellationToken);
        await tables.Lookups.UpsertEntityAsync(ToEntity(request), TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<Versioned<ProxyRequest>?> FindAsync(string requestId, CancellationToken cancellationToken)
    {
        var response = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Encode(requestId), ["Data"], cancellationToken);
        return response.HasValue ? new Versioned<ProxyRequest>(Read(response.Value!), response.Value!.ETag.ToString()) : null;
    }

    public async Task UpdateAsync(ProxyRequest request, string eTag, CancellationToken cancellationToken)
    {
        await TableErrors.ConditionallyAsync(
            () => tables.Lookups.UpdateEntityAsync(ToEntity(request), new ETag(eTag), TableUpdateMode.Replace, cancellationToken), "The request");
        var queued = QueueEntity(request);
        if (request.Decision is null)
        {
            await tables.Lookups.UpsertEntityAsync(queued, TableUpdateMode.Replace, cancellationToken);
        }
        else
        {
            await tables.Lookups.DeleteEntityAsync(queued.PartitionKey, queued.RowKey, cancellationToken: cancellationToken);
        }
    }

    public Task<Portal.Core.Common.Page<ProxyRequest>> ListOpenAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        PagedQueries.ReadAsync(
            tables.Lookups, TableClient.CreateQueryFilter($"PartitionKey eq {OpenPartition}"), pageSize, continuationToken, "proxy-requests-open", Read, cancellationToken);

    private static TableEntity ToEntity(ProxyRequest request) => new(Partition, TableKeys.Encode(request.RequestId))
    {
        ["Data"] = JsonSerializer.Serialize(request, PortalJson.Options),
    };

    private static TableEntity QueueEntity(ProxyRequest request) =>
        new(OpenPartition, $"{request.CreatedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}|{TableKeys.Encode(request.RequestId)}")
        {
            ["Data"] = JsonSerializer.Serialize(request, PortalJson.Options),
        };

    private static ProxyRequest Read(TableEntity entity) => JsonSerializer.Deserialize<ProxyRequest>(entity.GetString("Data"), PortalJson.Options)!;
}
