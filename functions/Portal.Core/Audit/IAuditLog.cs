using Portal.Core.Common;

namespace Portal.Core.Audit;

/// <summary>Port: the append-only audit store. There is no update and no delete.</summary>
public interface IAuditLog
{
    /// <summary>Appends one event (one write).</summary>
    Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>A patient's events, newest first (one partition query per page).</summary>
    Task<Page<AuditEvent>> ListAsync(string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken);
}
