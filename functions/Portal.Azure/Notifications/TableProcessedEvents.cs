using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Notifications.Inbound;

namespace Portal.Azure.Notifications;

/// <summary>
/// Handled Event Grid events in <c>Lookups</c>: PartitionKey <c>events|{yyyy-MM-dd}</c> (the UTC day of the event's
/// own time, which a redelivery repeats), RowKey the event id, <c>At</c>. The insert is the check (a duplicate is a
/// 409). A day is forgotten as a whole: one query of its partition, deletes in transactions of 100, then the
/// <c>events-forgotten</c> row moves on to that day.
/// </summary>
internal sealed class TableProcessedEvents(PortalTables tables) : IProcessedEvents
{
    private const string CursorPartition = "events-forgotten";
    private const string CursorRow = "cursor";
    private const int BatchSize = 100;

    public async Task<bool> TryBeginAsync(string eventId, DateTimeOffset eventTime, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Lookups.AddEntityAsync(
                new TableEntity(PartitionOf(DayOf(eventTime)), TableKeys.Encode(eventId)) { ["At"] = eventTime.ToUniversalTime() }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task ForgetAsync(string eventId, DateTimeOffset eventTime, CancellationToken cancellationToken) =>
        await tables.Lookups.DeleteEntityAsync(PartitionOf(DayOf(eventTime)), TableKeys.Encode(eventId), ETag.All, cancellationToken);

    public async Task<DateOnly?> ForgottenThroughAsync(CancellationToken cancellationToken)
    {
        var cursor = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(CursorPartition, CursorRow, ["Day"], cancellationToken);
        return cursor.HasValue && DateOnly.TryParseExact(cursor.Value!.GetString("Day"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : null;
    }

    public async Task<int> ForgetDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(day);
        var rows = new List<string>();
        await foreach (var row in tables.Lookups.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            rows.Add(row.RowKey);
        }

        foreach (var batch in rows.Chunk(BatchSize))
        {
            await tables.Lookups.SubmitTransactionAsync(
                batch.Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, rowKey), ETag.All)), cancellationToken);
        }

        await tables.Lookups.UpsertEntityAsync(
            new TableEntity(CursorPartition, CursorRow) { ["Day"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, TableUpdateMode.Replace, cancellationToken);
        return rows.Count;
    }

    private static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static string PartitionOf(DateOnly day) => $"events|{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
