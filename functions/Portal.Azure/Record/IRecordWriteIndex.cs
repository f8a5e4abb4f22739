using Portal.Core.Record;

namespace Portal.Azure.Record;

/// <summary>
/// An index another feature keeps over the record's items (the refill-due index over medications): told of every
/// record write before the chart is written ("index first, then chart"), so an index row never misses an item; a row
/// whose write then fails is stale, and its reader checks it against the chart.
/// </summary>
internal interface IRecordWriteIndex
{
    /// <summary>Writes the index rows the write's changes call for (idempotent: a retried write writes the same rows).</summary>
    Task BeforeWriteAsync(RecordWrite write, CancellationToken cancellationToken);
}
