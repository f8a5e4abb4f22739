using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Core.Record;

namespace Portal.Azure.Record;

/// <summary>The health record in the patient's <c>Charts</c> partition (<see cref="RecordRows"/>); writes go through <see cref="RecordTransactions"/>.</summary>
internal sealed class TableHealthRecord(PortalTables tables, RecordTransactions transactions) : IHealthRecord
{
    public async Task<Page<RecordItem>> ReadSectionAsync(
        string patientId, RecordQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        // Rows of a write in progress are filtered after they are resolved, so the query lets them through.
        var filter = RecordRows.Range(patientId, RecordRows.SectionPrefix(query.Section));
        if (query.Status == RecordStatusFilter.Active)
        {
            filter += $" and (Status eq '{RecordRows.Status(RecordStatus.Active)}' or {RecordRows.PendingBatch} gt '')";
        }

        if (!query.IncludeConfidential)
        {
            filter += $" and (Confidential eq false or {RecordRows.PendingBatch} gt '')";
        }

        // Item ids begin with their clinical date inverted (newest first), so a date range is a RowKey range.
        var prefix = RecordRows.SectionPrefix(query.Section);
        if (query.From is { } from)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey lt {prefix + RecordItemIds.OrderKey(from) + "."}");
        }

        if (query.Until is { } until)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {prefix + RecordItemIds.OrderKey(until) + "."}");
        }

        var scope = $"record|{patientId}|{query.Section.Slug()}|{query.Status}|{query.IncludeConfidential}|{query.From?.UtcTicks}|{query.Until?.UtcTicks}";
        var page = await PagedQueries.ReadAsync(tables.Charts, filter, pageSize, continuationToken, scope, entity => entity, cancellationToken);
        var batches = new RecordBatches(tables, patientId);
        var items = new List<RecordItem>(page.Items.Count);
        foreach (var entity in page.Items)
        {
            if (await batches.ItemAsync(entity, cancellationToken) is { } item
                && (query.Status == RecordStatusFilter.All || item.Status == RecordStatus.Active)
                && (query.IncludeConfidential || !item.Confidential))
            {
                items.Add(item);
            }
        }

        return new Page<RecordItem>(items, page.ContinuationToken);
    }

    public async Task<Versioned<RecordItem>?> FindAsync(string patientId, RecordSection section, string itemId, CancellationToken cancellationToken)
    {
        if (!RecordItemIds.IsValid(itemId))
        {
            return null;
        }

        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(RecordRows.Partition(patientId), RecordRows.ItemRow(section, itemId), cancellationToken: cancellationToken);
        return response.HasValue && await new RecordBatches(tables, patientId).ItemAsync(response.Value!, cancellationToken) is { } item
            ? new Versioned<RecordItem>(item, response.Value!.ETag.ToString())
            : null;
    }

    public async Task<IReadOnlyDictionary<SourceIdentifier, Versioned<RecordItem>>> FindBySourceAsync(
        string patientId, IReadOnlyCollection<SourceIdentifier> identifiers, CancellationToken cancellationToken)
    {
        var batches = new RecordBatches(tables, patientId);
        var rows = await Task.WhenAll(identifiers.Distinct().Select(async identifier =>
            (identifier, row: await tables.Charts.GetEntityIfExistsAsync<TableEntity>(
                RecordRows.Partition(patientId), RecordRows.IdentifierRow(identifier), cancellationToken: cancellationToken))));

        // The marker reads are remembered per reader, so resolve the targets one after the other.
        var targets = new List<(SourceIdentifier Identifier, RecordSection Section, string ItemId)>();
        foreach (var (identifier, row) in rows)
        {
            if (row.HasValue && await batches.TargetAsync(row.Value!, cancellationToken) is { } target)
            {
                targets.Add((identifier, target.Section, target.ItemId));
            }
        }

        var found = await Task.WhenAll(targets.Select(async t => (t.Identifier, Item: await FindAsync(patientId, t.Section, t.ItemId, cancellationToken))));
        return found.Where(f => f.Item is not null).ToDictionary(f => f.Identifier, f => f.Item!);
    }

    public async Task<RecordIndex> ReadIndexAsync(string patientId, string subject, CancellationToken cancellationToken)
    {
        var filter = RecordRows.Range(patientId, RecordRows.IndexPrefix)
            + " and " + TableClient.CreateQueryFilter($"(RowKey eq {RecordRows.TalliesRow} or Subject eq {subject})");
        var tallies = RecordTallies.Empty;
        var seen = new Dictionary<RecordSection, long>();
        var reviewed = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in tables.Charts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.RowKey == RecordRows.TalliesRow)
            {
                tallies = RecordRows.ReadJson<RecordTallies>(row, "Data") ?? RecordTallies.Empty;
            }
            else if (row.RowKey == RecordRows.SeenRow(subject))
            {
                foreach (var section in RecordSections.All)
                {
                    if (row.GetInt64(RecordRows.SeenColumn(section)) is { } changes)
                    {
                        seen[section] = changes;
                    }
                }
            }
            else if (row.GetString("VisitId") is { } visitId)
            {
                reviewed.Add(visitId);
            }
        }

        return new RecordIndex(tallies, new CallerMarks(seen, reviewed));
    }

    public async Task<VisitRecord?> ReadVisitAsync(string patientId, string visitId, CancellationToken cancellationToken)
    {
        if (!RecordItemIds.IsValid(visitId))
        {
            return null;
        }

        var visitRow = RecordRows.ItemRow(RecordSection.Visits, visitId);
        var filter = RecordRows.Range(patientId, RecordRows.ItemPrefix) + " and " + TableClient.CreateQueryFilter(
            $"(RowKey eq {visitRow} or VisitId eq {visitId} or StoppedVisitId eq {visitId} or PendingVisitId eq {visitId} or PendingStoppedVisitId eq {visitId})");
        var batches = new RecordBatches(tables, patientId);
        Versioned<RecordItem>? visit = null;
        var linked = new List<RecordItem>();
        await foreach (var row in tables.Charts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (await batches.ItemAsync(row, cancellationToken) is not { } item)
            {
                continue;
            }

            if (row.RowKey == visitRow)
            {
                visit = new Versioned<RecordItem>(item, row.ETag.ToString());
            }
            else if (item.VisitId == visitId || item.Content.Medication?.StoppedVisitId == visitId)
            {
                linked.Add(item);
            }
        }

        return visit is null ? null : new VisitRecord(visit, linked);
    }

    public Task WriteAsync(RecordWrite write, CancellationToken cancellationToken) => transactions.WriteAsync(write, cancellationToken);

    public async Task<string> ReplaceAsync(RecordItem before, string eTag, RecordItem after, Notice? notice, CancellationToken cancellationToken)
    {
        var writeId = $"r{after.ItemId.Replace("-", "", StringComparison.Ordinal)}v{after.Version}";
        var eTags = await transactions.WriteAsync(new RecordWrite(after.PatientId, writeId, [new RecordChange(before, eTag, after)], notice), cancellationToken);
        return eTags[RecordRows.ItemRow(after.Section, after.ItemId)];
    }

    public Task MarkSeenAsync(string patientId, string subject, IReadOnlyDictionary<RecordSection, long> seen, CancellationToken cancellationToken)
    {
        var row = new TableEntity(RecordRows.Partition(patientId), RecordRows.SeenRow(subject)) { ["Subject"] = subject };
        foreach (var (section, changes) in seen)
        {
            row[RecordRows.SeenColumn(section)] = changes;
        }

        return tables.Charts.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
    }

    public Task MarkReviewedAsync(string patientId, string subject, string visitId, DateTimeOffset at, CancellationToken cancellationToken) =>
        tables.Charts.UpsertEntityAsync(
            new TableEntity(RecordRows.Partition(patientId), RecordRows.ReviewedRow(subject, visitId)) { ["Subject"] = subject, ["VisitId"] = visitId, ["At"] = at },
            TableUpdateMode.Replace,
            cancellationToken);
}
