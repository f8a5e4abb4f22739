using Portal.Core.Common;

namespace Portal.Core.Audit;

/// <summary>Port: the append-only audit store. There is no update and no delete.</summary>
public interface IAuditLog
{
    /// <summary>Appends one event (one write).</summary>
    Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>A patient's events, newest first (one partition query per page).</summary>
    Task<Page<AuditEvent>> ListAsync(string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>
    /// The patient's side's own events (acting as <c>self</c> or <c>proxy</c>) from <paramref name="since"/> to
    /// <paramref name="until"/>, newest first: one query over the time range of the patient's partition.
    /// </summary>
    Task<IReadOnlyList<AuditEvent>> PatientSideAsync(string patientId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken);
}
