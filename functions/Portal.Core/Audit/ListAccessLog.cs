using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Audit;

/// <summary>Use case: a patient sees who accessed their chart, newest first, a page at a time.</summary>
public sealed class ListAccessLog(IAuditLog auditLog, ChartAccess access)
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>One page of events; reading the log is itself audited.</summary>
    public Task<Result<Page<AuditEvent>>> ExecuteAsync(
        Caller caller, string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        access.ReadPageAsync(
            caller, patientId, Permission.Read(DataCategory.AccessLog), $"patients/{patientId}/access-log", pageSize, MaxPageSize,
            () => auditLog.ListAsync(patientId, pageSize, continuationToken, cancellationToken), cancellationToken);
}
