using Portal.Core.Audit;
using Portal.Core.Common;

namespace Portal.Tests;

/// <summary>An audit log that keeps what it is given, for asserting what a use case recorded.</summary>
internal sealed class RecordingAuditLog : IAuditLog
{
    public List<AuditEvent> Events { get; } = [];

    public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        Events.Add(auditEvent);
        return Task.CompletedTask;
    }

    public Task<Page<AuditEvent>> ListAsync(string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<AuditEvent>([.. Events.Where(e => e.PatientId == patientId).Reverse().Take(pageSize)], null));

    public Task<IReadOnlyList<AuditEvent>> PatientSideAsync(string patientId, DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditEvent>>([.. Events.Where(e => e.PatientId == patientId && e.ActingAs is "self" or "proxy" && e.At >= since && e.At < until).Reverse()]);
}
