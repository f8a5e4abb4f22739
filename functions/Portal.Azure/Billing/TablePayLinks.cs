using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Billing;

namespace Portal.Azure.Billing;

/// <summary>
/// Pay links by id (<see cref="PayLinkRows"/>), and wrong tokens per client address in <c>Lookups</c> partition
/// <c>paylink-fail</c>: RowKey the address, <c>Count</c> and <c>Since</c> (the window's start), counted with ETags.
/// </summary>
internal sealed class TablePayLinks(PortalTables tables) : IPayLinks
{
    private const string FailurePartition = "paylink-fail";

    public async Task<PayLink?> FindAsync(string linkId, CancellationToken cancellationToken)
    {
        var row = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(PayLinkRows.Partition, PayLinkRows.Key(linkId), cancellationToken: cancellationToken);
        return row.HasValue ? PayLinkRows.FromIndex(row.Value!) : null;
    }

    public async Task<int> FailuresAsync(string clientIp, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        var row = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(FailurePartition, TableKeys.Encode(clientIp), ["Count", "Since"], cancellationToken);
        return row.HasValue && row.Value!.GetDateTimeOffset("Since") > now - window ? row.Value.GetInt32("Count") ?? 0 : 0;
    }

    public async Task RecordFailureAsync(string clientIp, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var row = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(FailurePartition, TableKeys.Encode(clientIp), ["Count", "Since"], cancellationToken);
            var current = row.HasValue && row.Value!.GetDateTimeOffset("Since") > now - window;
            var entity = new TableEntity(FailurePartition, TableKeys.Encode(clientIp))
            {
                ["Count"] = current ? (row.Value!.GetInt32("Count") ?? 0) + 1 : 1,
                ["Since"] = current ? row.Value!.GetDateTimeOffset("Since")!.Value : now.ToUniversalTime(),
            };
            try
            {
                if (row.HasValue)
                {
                    await tables.Lookups.UpdateEntityAsync(entity, row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await tables.Lookups.AddEntityAsync(entity, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another wrong token from the same address at the same moment: count again on top of it.
            }
        }
    }
}
