using Azure;
using Azure.Data.Tables;
using Portal.Azure.Notifications;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Record;

namespace Portal.Azure.Record;

/// <summary>
/// Writes a <see cref="RecordWrite"/> so that readers see all of it or none of it.
/// <para>
/// Small writes (items, identifier rows, the tallies row and the notice fit in 100 entities and 4 MiB) are one
/// entity-group transaction, guarded by the items' ETags and the tallies row's.
/// </para>
/// <para>
/// Larger writes use a commit marker: (1) take the record's write lease on the tallies row (ETag-guarded: any write
/// that read the tallies before now fails, and later ones see the lease and back off); (2) merge each item's new
/// version into <c>Pending*</c> columns of its row, and the new identifier rows, all tagged with the write id, in as
/// many transactions as needed (readers still see the committed columns); (3) commit: one transaction adds the
/// marker <c>recbatch|{writeId}</c>, the new tallies (clearing the lease) and the notice: from then on readers
/// resolve the tagged rows to their pending versions; (4) roll forward: rewrite the tagged rows with the pending
/// version as the committed one. A crash before (3) leaves tagged rows nobody sees, overwritten by the retry of the
/// same write (same id: it may take over its own lease); a crash during (4) is finished by the next write to the record.
/// Markers are kept, so a reader never mistakes a rolled-forward write for an abandoned one.
/// </para>
/// </summary>
internal sealed class RecordTransactions(PortalTables tables, TimeProvider clock, IEnumerable<IRecordWriteIndex>? indexes = null)
{
    private const int MaxActions = 100;
    private const int MaxBytes = 3_500_000;

    /// <summary>How long a large write holds the record before another writer may take over.</summary>
    public static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(2);

    /// <summary>Writes it; returns the new ETags of the rows by row key when it was one transaction (else empty).</summary>
    public async Task<IReadOnlyDictionary<string, string>> WriteAsync(RecordWrite write, CancellationToken cancellationToken)
    {
        Check(write);
        var tallies = await ReadTalliesAsync(write.PatientId, cancellationToken);
        if (tallies.RollForward.Length > 0)
        {
            await FinishAsync(write.PatientId, tallies.RollForward, tallies.ETag!, cancellationToken);
            tallies = await ReadTalliesAsync(write.PatientId, cancellationToken);
        }

        var leased = tallies.LeasedBy.Length > 0 && tallies.LeasedUntil > clock.GetUtcNow();
        if (leased && tallies.LeasedBy != write.WriteId)
        {
            throw new ConcurrencyConflictException("Another write to this record is in progress.");
        }

        var after = RecordTallyRules.After(tallies.Value, write.Changes);
        if (write.Notice is not null)
        {
            // Index first: a pending row whose notice never lands is dropped by the dispatcher.
            await tables.Lookups.UpsertEntityAsync(NoticeRows.Pending(write.Notice), TableUpdateMode.Replace, cancellationToken);
        }

        // Other features' indexes over the items, before the items (see IRecordWriteIndex).
        foreach (var index in indexes ?? [])
        {
            await index.BeforeWriteAsync(write, cancellationToken);
        }

        var rows = write.Changes.SelectMany(change => Rows(write.PatientId, change)).ToList();
        var fits = rows.Count + 2 <= MaxActions && rows.Sum(r => RecordRows.Size(r.Entity)) + 100_000 <= MaxBytes;
        if (fits && !leased)
        {
            return await CommitOnceAsync(write, rows, tallies, after, cancellationToken);
        }

        await CommitInStepsAsync(write, tallies, after, cancellationToken);
        return new Dictionary<string, string>();
    }

    private static void Check(RecordWrite write)
    {
        if (write.Changes.Any(c => c.After.PatientId != write.PatientId || (c.Before is not null && c.Before.ItemId != c.After.ItemId))
            || write.Changes.Select(c => c.After.ItemId).Distinct().Count() != write.Changes.Count
            || write.WriteId.Length is 0 or > 64 || !write.WriteId.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c)))
        {
            throw new ArgumentException("A record write changes each item of one patient once, under a write id of lower-case letters and digits.", nameof(write));
        }
    }

    private static IEnumerable<(TableEntity Entity, TableTransactionActionType Action, string? ETag)> Rows(string patientId, RecordChange change)
    {
        // Every write also replaces the tallies row under its ETag, so writes to one record are serialized by it:
        // an upsert cannot overwrite an item another write committed meanwhile, only a row an abandoned write left pending.
        yield return change.Before is null
            ? (RecordRows.Item(change.After), TableTransactionActionType.UpsertReplace, null)
            : (RecordRows.Item(change.After), TableTransactionActionType.UpdateReplace, change.ETag);
        foreach (var identifier in change.After.Identifiers.Except(change.Before?.Identifiers ?? []))
        {
            yield return (RecordRows.Identifier(patientId, identifier, change.After), TableTransactionActionType.UpsertReplace, null);
        }
    }

    private async Task<IReadOnlyDictionary<string, string>> CommitOnceAsync(
        RecordWrite write, List<(TableEntity Entity, TableTransactionActionType Action, string? ETag)> rows, Tallies tallies, RecordTallies after, CancellationToken cancellationToken)
    {
        var actions = rows.Select(r => new TableTransactionAction(r.Action, r.Entity, r.ETag is null ? default : new ETag(r.ETag))).ToList();
        actions.Add(TalliesAction(write.PatientId, after, tallies.ETag, lease: null));
        if (write.Notice is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, NoticeRows.Chart(write.Notice)));
        }

        var response = await TableErrors.ConditionallyAsync(() => tables.Charts.SubmitTransactionAsync(actions, cancellationToken), "The record");
        return actions.Select((a, index) => (a.Entity.RowKey, ETag: response.Value[index].Headers.ETag?.ToString()))
            .Where(x => x.ETag is not null)
            .ToDictionary(x => x.RowKey, x => x.ETag!);
    }

    private async Task CommitInStepsAsync(RecordWrite write, Tallies tallies, RecordTallies after, CancellationToken cancellationToken)
    {
        // (1) The lease, on the tallies as they were read (their ETag guards against any write since).
        var leased = await TableErrors.ConditionallyAsync(
            () => Submit([TalliesAction(write.PatientId, tallies.Value, tallies.ETag, (write.WriteId, clock.GetUtcNow() + LeaseTime))], cancellationToken),
            "The record");

        // (2) Pending versions and new identifier rows, tagged with the write id.
        var pending = new List<TableTransactionAction>();
        foreach (var change in write.Changes)
        {
            pending.Add(change.Before is null
                ? new TableTransactionAction(TableTransactionActionType.UpsertMerge, RecordRows.PendingItem(change.After, write.WriteId))
                : new TableTransactionAction(TableTransactionActionType.UpdateMerge, RecordRows.PendingItem(change.After, write.WriteId), new ETag(change.ETag!)));
            pending.AddRange(change.After.Identifiers.Except(change.Before?.Identifiers ?? []).Select(identifier =>
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, RecordRows.Identifier(write.PatientId, identifier, change.After, write.WriteId))));
        }

        foreach (var chunk in Chunks(pending))
        {
            await TableErrors.ConditionallyAsync(() => Submit(chunk, cancellationToken), "The record");
        }

        // (3) The commit point.
        List<TableTransactionAction> commit =
        [
            new(TableTransactionActionType.UpsertReplace, new TableEntity(RecordRows.Partition(write.PatientId), RecordRows.BatchRow(write.WriteId)) { ["CommittedAt"] = clock.GetUtcNow() }),
            TalliesAction(write.PatientId, after, leased[0], lease: null, rollForward: write.WriteId),
        ];
        if (write.Notice is not null)
        {
            commit.Add(new TableTransactionAction(TableTransactionActionType.Add, NoticeRows.Chart(write.Notice)));
        }

        var committed = await TableErrors.ConditionallyAsync(() => Submit(commit, cancellationToken), "The record");

        // (4) Roll forward. The write is committed whatever happens now: the next write finishes what this one leaves.
        try
        {
            await FinishAsync(write.PatientId, write.WriteId, committed[1], cancellationToken);
        }
        catch (RequestFailedException)
        {
        }
    }

    /// <summary>Rolls a committed write's rows forward, then clears it from the tallies row. Losing a race is fine: the rows then hold a newer version.</summary>
    private async Task FinishAsync(string patientId, string writeId, string talliesETag, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {RecordRows.Partition(patientId)} and PendingBatch eq {writeId}");
        var actions = new List<TableTransactionAction>();
        await foreach (var row in tables.Charts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, RecordRows.RolledForward(row), row.ETag));
        }

        foreach (var chunk in Chunks(actions))
        {
            try
            {
                await Submit(chunk, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // One of the rows changed since: the chunk is left for the next write (rows already rolled are skipped by their ETag).
                return;
            }
        }

        try
        {
            await tables.Charts.UpdateEntityAsync(
                new TableEntity(RecordRows.Partition(patientId), RecordRows.TalliesRow) { ["RollForward"] = "" }, new ETag(talliesETag), TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            // Another write already read the tallies; it finishes (nothing left) and clears the mark.
        }
    }

    private static IEnumerable<List<TableTransactionAction>> Chunks(List<TableTransactionAction> actions)
    {
        var chunk = new List<TableTransactionAction>();
        var bytes = 0;
        foreach (var action in actions)
        {
            var size = RecordRows.Size((TableEntity)action.Entity);
            if (chunk.Count == MaxActions || (chunk.Count > 0 && bytes + size > MaxBytes))
            {
                yield return chunk;
                (chunk, bytes) = ([], 0);
            }

            chunk.Add(action);
            bytes += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private async Task<IReadOnlyList<string>> Submit(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.SubmitTransactionAsync(actions, cancellationToken);
        return [.. response.Value.Select(r => r.Headers.ETag?.ToString() ?? "")];
    }

    private static TableTransactionAction TalliesAction(string patientId, RecordTallies value, string? eTag, (string WriteId, DateTimeOffset Until)? lease, string rollForward = "")
    {
        var entity = new TableEntity(RecordRows.Partition(patientId), RecordRows.TalliesRow)
        {
            ["LeasedBy"] = lease?.WriteId ?? "",
            ["LeasedUntil"] = lease?.Until ?? DateTimeOffset.MinValue.AddYears(1700),
            ["RollForward"] = rollForward,
        };
        RecordRows.WriteJson(entity, "Data", value);
        return eTag is null
            ? new TableTransactionAction(TableTransactionActionType.Add, entity)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(eTag));
    }

    private async Task<Tallies> ReadTalliesAsync(string patientId, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(RecordRows.Partition(patientId), RecordRows.TalliesRow, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return new Tallies(RecordTallies.Empty, null, "", DateTimeOffset.MinValue, "");
        }

        var row = response.Value!;
        return new Tallies(
            RecordRows.ReadJson<RecordTallies>(row, "Data") ?? RecordTallies.Empty,
            row.ETag.ToString(),
            row.GetString("LeasedBy") ?? "",
            row.GetDateTimeOffset("LeasedUntil") ?? DateTimeOffset.MinValue,
            row.GetString("RollForward") ?? "");
    }

    private sealed record Tallies(RecordTallies Value, string? ETag, string LeasedBy, DateTimeOffset LeasedUntil, string RollForward);
}
