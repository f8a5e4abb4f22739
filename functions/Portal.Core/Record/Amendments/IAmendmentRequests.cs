using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Core.Record.Amendments;

/// <summary>
/// Port: amendment requests in the patient's chart partition, and the staff's queue of open requests (an index in
/// its own partition, oldest receipt first), which follows the chart: a new request's queue row is written before the
/// chart, a decided request's row is removed after it (a leftover row is removed by the next write of that request).
/// </summary>
public interface IAmendmentRequests
{
    /// <summary>The request with its ETag, or null. One point read.</summary>
    Task<Versioned<AmendmentRequest>?> FindAsync(string patientId, string requestId, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the patient's requests, newest first; only those about <paramref name="itemId"/> when given, and
    /// without the confidential ones unless <paramref name="includeConfidential"/>. One range query.
    /// </summary>
    Task<Page<AmendmentRequest>> ListAsync(
        string patientId, string? itemId, bool includeConfidential, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>Adds a new request (its queue row, then the chart row) and returns its ETag. The same request again is a <see cref="ConcurrencyConflictException"/>.</summary>
    Task<string> AddAsync(AmendmentRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the request if <paramref name="eTag"/> matches, with the notice it causes in the same chart transaction
    /// (the notice's pending row first), then brings its queue row in line; returns the new ETag. Stale: <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    Task<string> SaveAsync(AmendmentRequest request, string eTag, Notice? notice, CancellationToken cancellationToken);

    /// <summary>Makes the queue hold exactly the request's row: none once it is decided (removes a row a failed write left behind).</summary>
    Task ReconcileQueueAsync(AmendmentRequest request, CancellationToken cancellationToken);

    /// <summary>One page of the open requests of every patient, oldest receipt first. One query of the queue's partition.</summary>
    Task<Page<AmendmentQueueEntry>> OpenAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken);
}
