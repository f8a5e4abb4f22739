using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Notifications;

namespace Portal.Azure.Notifications;

/// <summary>
/// Opt-outs per phone number: <c>Lookups</c>, PartitionKey <c>smsoptout</c>, RowKey the E.164 number, with
/// <c>OptedOut</c> and <c>At</c> (when the provider received the keyword). A keyword older than the stored one
/// changes nothing; a newer one replaces it guarded by the ETag, so two keywords racing cannot lose the newer.
/// </summary>
internal sealed class TableSmsOptOuts(PortalTables tables) : ISmsOptOuts
{
    internal const string Partition = "smsoptout";
    private const int Attempts = 5;

    public async Task<bool> IsOptedOutAsync(string phone, CancellationToken cancellationToken)
    {
        var row = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Encode(phone), ["OptedOut"], cancellationToken);
        return row.HasValue && row.Value!.GetBoolean("OptedOut") == true;
    }

    public async Task SetAsync(string phone, bool optedOut, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition, TableKeys.Encode(phone)) { ["OptedOut"] = optedOut, ["At"] = at.ToUniversalTime() };
        for (var attempt = 1; ; attempt++)
        {
            var current = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(Partition, entity.RowKey, ["At"], cancellationToken);
            try
            {
                if (!current.HasValue)
                {
                    await tables.Lookups.AddEntityAsync(entity, cancellationToken);
                }
                else if (current.Value!.GetDateTimeOffset("At") < at)
                {
                    await tables.Lookups.UpdateEntityAsync(entity, current.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < Attempts)
            {
                // Another keyword for this number was stored meanwhile: read it and decide again.
            }
        }
    }
}
