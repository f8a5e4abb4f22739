using Portal.Core.Common;

namespace Portal.Core.Caregivers;

/// <summary>
/// Port: proxy requests in <c>Lookups</c> (partition <c>proxy-request</c>, one row each) with the open queue the
/// reviewers read (partition <c>proxy-request-open</c>, oldest first, removed once decided).
/// </summary>
public interface IProxyRequests
{
    /// <summary>Writes the queue row, then the request.</summary>
    Task CreateAsync(ProxyRequest request, CancellationToken cancellationToken);

    /// <summary>The request with its ETag, or null. One point read.</summary>
    Task<Versioned<ProxyRequest>?> FindAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>Replaces the request if the ETag matches and keeps the queue in step (removed once decided); throws <see cref="ConcurrencyConflictException"/>.</summary>
    Task UpdateAsync(ProxyRequest request, string eTag, CancellationToken cancellationToken);

    /// <summary>One page of open requests, oldest first.</summary>
    Task<Page<ProxyRequest>> ListOpenAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken);
}
