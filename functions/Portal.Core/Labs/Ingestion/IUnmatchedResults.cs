using Portal.Core.Common;

namespace Portal.Core.Labs.Ingestion;

/// <summary>Port: the unmatched-results work queue (open entries newest first; resolved ones kept apart).</summary>
public interface IUnmatchedResults
{
    /// <summary>Adds an open entry; an entry already there (a retry) is left as it is.</summary>
    Task AddAsync(UnmatchedResult entry, CancellationToken cancellationToken);

    /// <summary>One page of open entries, newest first. One query.</summary>
    Task<Page<UnmatchedResult>> ListAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>An entry, open or resolved, with its ETag; or null.</summary>
    Task<Versioned<UnmatchedResult>?> FindAsync(string unmatchedId, CancellationToken cancellationToken);

    /// <summary>Replaces an open entry (ETag-guarded); throws <see cref="ConcurrencyConflictException"/> when stale.</summary>
    Task<string> UpdateAsync(UnmatchedResult entry, string eTag, CancellationToken cancellationToken);

    /// <summary>Records the resolution (ETag-guarded against the open entry) and takes the entry off the open list.</summary>
    Task ResolveAsync(UnmatchedResult resolved, string eTag, CancellationToken cancellationToken);
}
