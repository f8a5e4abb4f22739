using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Messaging;

namespace Portal.Azure.Messaging;

/// <summary>
/// The pools' inbox index (<see cref="InboxRows"/>): "index first, then chart, reconcile on retry — and without one".
/// A write makes the partition hold exactly the thread's new row plus a check row, in one transaction; after the
/// chart commits the check goes. A check still there when due is reconciled from the chart, guarded by the ETags of
/// the rows it read, so a write under way at that moment always wins.
/// </summary>
internal sealed class TableInbox(PortalTables tables)
{
    /// <summary>Writes the thread's inbox row and a check due at <paramref name="checkDue"/>; returns the check.</summary>
    public async Task<TableEntity> WriteAsync(MessageThread thread, DateTimeOffset checkDue, CancellationToken cancellationToken)
    {
        var check = InboxRows.Check(thread, checkDue);
        var wanted = InboxRows.For(thread);
        List<TableTransactionAction> actions = [new(TableTransactionActionType.UpsertReplace, check)];
        foreach (var row in await RowsOfAsync(thread.Pool, thread.PatientId, thread.ThreadId, cancellationToken))
        {
            // An earlier state, or an earlier write whose chart never committed: this write decides the row now.
            if (row.RowKey != wanted?.RowKey && !InboxRows.IsCheck(row))
            {
                actions.Add(new(TableTransactionActionType.Delete, row, ETag.All));
            }
        }

        if (wanted is not null)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, wanted));
        }

        await tables.Lookups.SubmitTransactionAsync(actions, cancellationToken);
        return check;
    }

    /// <summary>The chart committed: the check goes. Best effort: the write is done, and a check left behind is reconciled later.</summary>
    public async Task ConfirmAsync(TableEntity check, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Lookups.DeleteEntityAsync(check.PartitionKey, check.RowKey, ETag.All, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Reconciled already, or storage refused for now: the reconciliation finds the thread in step either way.
        }
    }

    public async Task<IReadOnlyList<InboxCheck>> DueAsync(string pool, DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var partition = InboxRows.Partition(pool);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {InboxRows.ChecksFrom} and RowKey lt {InboxRows.ChecksFrom + InboxRows.Ticks(now)}");
        var due = new List<InboxCheck>();
        await foreach (var row in tables.Lookups.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            due.Add(new InboxCheck(pool, row.GetString("PatientId"), row.GetString("ThreadId"), row.GetDateTimeOffset("Due")!.Value));
            if (due.Count == max)
            {
                break;
            }
        }

        return due;
    }

    /// <summary>Makes the thread's rows what <paramref name="thread"/> (the chart's state, or null) says, unless a write is under way.</summary>
    public async Task<bool> ReconcileAsync(InboxCheck check, Func<Task<MessageThread?>> readChart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The rows first, then the chart: a write that lands in between changes a row read here, and the ETags below refuse.
        var rows = await RowsOfAsync(check.Pool, check.PatientId, check.ThreadId, cancellationToken);
        if (rows.Any(row => InboxRows.IsCheck(row) && row.GetDateTimeOffset("Due") > now))
        {
            return false; // a write is under way: its own check comes due later
        }

        var wanted = await readChart() is { } thread ? InboxRows.For(thread) : null;
        var actions = rows.Where(row => row.RowKey != wanted?.RowKey)
            .Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, row.ETag))
            .ToList();
        if (wanted is not null && rows.All(row => row.RowKey != wanted.RowKey))
        {
            actions.Add(new(TableTransactionActionType.Add, wanted));
        }

        try
        {
            await tables.Lookups.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false; // a write changed the rows meanwhile: it decides them, and its check (if any) comes due later
        }
    }

    private async Task<List<TableEntity>> RowsOfAsync(string pool, string patientId, string threadId, CancellationToken cancellationToken)
    {
        var partition = InboxRows.Partition(pool);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and PatientId eq {patientId} and ThreadId eq {threadId}");
        var rows = new List<TableEntity>();
        await foreach (var row in tables.Lookups.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Due"], cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }
}
