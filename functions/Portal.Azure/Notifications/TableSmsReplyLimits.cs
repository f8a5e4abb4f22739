using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Notifications.Inbound;

namespace Portal.Azure.Notifications;

/// <summary>
/// When each number last got a fallback answer: <c>Lookups</c>, PartitionKey <c>smsreply</c>, RowKey the E.164
/// number, <c>At</c>. Taking is an insert, or an ETag-guarded replace of an expired row, so two texts at once
/// take it once.
/// </summary>
internal sealed class TableSmsReplyLimits(PortalTables tables) : ISmsReplyLimits
{
    internal const string Partition = "smsreply";

    public async Task<bool> TryTakeAsync(string phone, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition, TableKeys.Encode(phone)) { ["At"] = now.ToUniversalTime() };
        var current = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(Partition, entity.RowKey, ["At"], cancellationToken);
        try
        {
            if (!current.HasValue)
            {
                await tables.Lookups.AddEntityAsync(entity, cancellationToken);
                return true;
            }

            if (current.Value!.GetDateTimeOffset("At") > now - window)
            {
                return false;
            }

            await tables.Lookups.UpdateEntityAsync(entity, current.Value.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }
}
