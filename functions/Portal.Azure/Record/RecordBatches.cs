using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Record;

namespace Portal.Azure.Record;

/// <summary>
/// What a reader sees of rows that a write larger than one transaction touched: a row whose <c>PendingBatch</c>
/// names a write shows its pending version only once that write's commit marker (<c>recbatch|{writeId}</c>)
/// exists; before, it shows its committed version (or nothing, for an item the write creates). One point read
/// per pending write met, remembered for the reader's lifetime (one request).
/// </summary>
internal sealed class RecordBatches(PortalTables tables, string patientId)
{
    private readonly Dictionary<string, bool> committed = new(StringComparer.Ordinal);

    /// <summary>True when the write's marker exists.</summary>
    public async Task<bool> IsCommittedAsync(string writeId, CancellationToken cancellationToken)
    {
        if (!committed.TryGetValue(writeId, out var known))
        {
            var marker = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(
                RecordRows.Partition(patientId), RecordRows.BatchRow(writeId), ["RowKey"], cancellationToken);
            committed[writeId] = known = marker.HasValue;
        }

        return known;
    }

    /// <summary>The item a reader sees in an item row, or null.</summary>
    public async Task<RecordItem?> ItemAsync(TableEntity entity, CancellationToken cancellationToken) =>
        RecordRows.Batch(entity) is { Length: > 0 } writeId && await IsCommittedAsync(writeId, cancellationToken)
            ? RecordRows.PendingItemOf(entity)
            : RecordRows.CommittedItem(entity);

    /// <summary>The item an identifier row points at, or null when the row belongs to a write not committed.</summary>
    public async Task<(RecordSection Section, string ItemId)?> TargetAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        if (RecordRows.Batch(entity) is { Length: > 0 } writeId && !await IsCommittedAsync(writeId, cancellationToken))
        {
            return null;
        }

        return RecordSections.TryParse(entity.GetString("Section"), out var section) ? (section, entity.GetString("ItemId")) : null;
    }
}
