namespace Portal.Core.Common;

/// <summary>Port: creating requests remembered under the caller's <c>Idempotency-Key</c>, per operation.</summary>
public interface IRequestReplays
{
    /// <summary>The remembered request, or null. One point read.</summary>
    Task<RequestReplay?> FindAsync(string subject, string operation, string key, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the record.</summary>
    Task SaveAsync(RequestReplay replay, CancellationToken cancellationToken);
}
