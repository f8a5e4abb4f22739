using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Page = Portal.Core.Common.Page<Portal.Core.Labs.Ingestion.UnmatchedResult>;
using Portal.Core.Labs.Ingestion;

namespace Portal.Azure.Labs;

/// <summary>
/// The unmatched-results work queue in <c>Lookups</c>: open entries in partition <c>lab-unmatched</c> (RowKey the id,
/// newest first), resolved ones moved to <c>lab-unmatched-done</c> (written first, then the open entry deleted).
/// </summary>
internal sealed class TableUnmatchedResults(PortalTables tables) : IUnmatchedResults
{
    private const string OpenPartition = "lab-unmatched";
    private const string DonePartition = "lab-unmatched-done";

    public async Task AddAsync(UnmatchedResult entry, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Lookups.AddEntityAsync(ToEntity(OpenPartition, entry), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // A retry of the same message: the entry is already there (maybe already being worked).
        }
    }

    public Task<Page> ListAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        PagedQueries.ReadAsync(
            tables.Lookups, TableClient.CreateQueryFilter($"PartitionKey eq {OpenPartition}"), pageSize, continuationToken, OpenPartition, Read, cancellationToken);

    public async Task<Versioned<UnmatchedResult>?> FindAsync(string unmatchedId, CancellationToken cancellationToken)
    {
        var key = TableKeys.Encode(unmatchedId);
        var open = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(OpenPartition, key, ["Data"], cancellationToken);
        if (open.HasValue)
        {
            return new Versioned<UnmatchedResult>(Read(open.Value!), open.Value!.ETag.ToString());
        }

        var done = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(DonePartition, key, ["Data"], cancellationToken);
        return done.HasValue ? new Versioned<UnmatchedResult>(Read(done.Value!), done.Value!.ETag.ToString()) : null;
    }

    public async Task<string> UpdateAsync(UnmatchedResult entry, string eTag, CancellationToken cancellationToken)
    {
        var response = await TableErrors.ConditionallyAsync(
            () => tables.Lookups.UpdateEntityAsync(ToEntity(OpenPartition, entry), new ETag(eTag), TableUpdateMode.Replace, cancellationToken),
            "The unmatched result");
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
    }

    public async Task ResolveAsync(UnmatchedResult resolved, string eTag, CancellationToken cancellationToken)
    {
        await tables.Lookups.UpsertEntityAsync(ToEntity(DonePartition, resolved), TableUpdateMode.Replace, cancellationToken);
        try
        {
            await TableErrors.ConditionallyAsync(
                () => tables.Lookups.DeleteEntityAsync(OpenPartition, TableKeys.Encode(resolved.UnmatchedId), new ETag(eTag), cancellationToken),
                "The unmatched result");
        }
        catch (RequestFailedException exception) when (TableErrors.IsNotFound(exception))
        {
        }
    }

    private static TableEntity ToEntity(string partition, UnmatchedResult entry) => new(partition, TableKeys.Encode(entry.UnmatchedId))
    {
        ["Data"] = JsonSerializer.Serialize(entry, PortalJson.Options),
    };

    private static UnmatchedResult Read(TableEntity entity) => JsonSerializer.Deserialize<UnmatchedResult>(entity.GetString("Data"), PortalJson.Options)!;
}
