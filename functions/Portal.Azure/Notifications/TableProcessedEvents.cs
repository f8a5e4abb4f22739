using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Notifications.Inbound;

namespace Portal.Azure.Notifications;

/// <summary>
/// Handled Event Grid events: <c>Lookups</c>, PartitionKey <c>event|{id}</c>, RowKey <c>event</c>, <c>At</c>.
/// One partition per event spreads the writes; the insert is the check (a duplicate is a 409).
/// </summary>
internal sealed class TableProcessedEvents(PortalTables tables) : IProcessedEvents
{
    private const string RowKey = "event";

    public async Task<bool> TryBeginAsync(string eventId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Lookups.AddEntityAsync(new TableEntity(PartitionOf(eventId), RowKey) { ["At"] = at.ToUniversalTime() }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task ForgetAsync(string eventId, CancellationToken cancellationToken) =>
        await tables.Lookups.DeleteEntityAsync(PartitionOf(eventId), RowKey, ETag.All, cancellationToken);

    private static string PartitionOf(string eventId) => $"event|{TableKeys.Encode(eventId)}";
}
