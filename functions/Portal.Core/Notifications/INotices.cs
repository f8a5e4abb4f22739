using Portal.Core.Common;

namespace Portal.Core.Notifications;

/// <summary>
/// Port: notices in patients' charts, and the pending index the sweep reads (one partition, one row per notice
/// not yet settled, with the time it is due): the sweep costs O(undispatched), never a scan of the charts.
/// </summary>
public interface INotices
{
    /// <summary>
    /// Writes a notice on its own, for changes that have no transaction of their own to join: the pending index
    /// first, then the chart row (a failure between leaves an index row the dispatcher drops).
    /// </summary>
    Task CreateAsync(Notice notice, CancellationToken cancellationToken);

    /// <summary>The notice with its ETag, or null.</summary>
    Task<Versioned<Notice>?> FindAsync(NoticeReference reference, CancellationToken cancellationToken);

    /// <summary>Replaces the notice if <paramref name="eTag"/> matches; throws <see cref="ConcurrencyConflictException"/> when stale.</summary>
    Task<string> ReplaceAsync(Notice notice, string eTag, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces <paramref name="changed"/> (each ETag-guarded) and adds <paramref name="added"/> in one transaction of the
    /// patient's chart, the added ones' pending rows first; returns the changed ones' new ETags in order. A stale one is a
    /// <see cref="ConcurrencyConflictException"/> and nothing changes.
    /// </summary>
    Task<IReadOnlyList<string>> SaveAllAsync(IReadOnlyList<Versioned<Notice>> changed, IReadOnlyList<Notice> added, CancellationToken cancellationToken);

    /// <summary>The patient's notices created since <paramref name="since"/>, newest first, with their ETags. One range query.</summary>
    Task<IReadOnlyList<Versioned<Notice>>> RecentAsync(string patientId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Notices whose pending-index row is due at <paramref name="now"/>, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<NoticeReference>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Sets when the notice is next due in the pending index (the sweep's lease, a deferral, a back-off).</summary>
    Task DueAgainAsync(NoticeReference reference, DateTimeOffset due, CancellationToken cancellationToken);

    /// <summary>Removes the notice from the pending index (settled, or its chart row never landed).</summary>
    Task SettleAsync(NoticeReference reference, CancellationToken cancellationToken);

    /// <summary>The patient's notices, newest first.</summary>
    Task<Page<Notice>> ListAsync(string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken);
}
