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
    public async Task<Result<Page<AuditEvent>>> ExecuteAsync(
        Caller caller, string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            return Failure.Invalid("pageSize", $"Between 1 and {MaxPageSize}.");
        }

        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.AccessLog), $"patients/{patientId}/access-log", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        // Read before recording, so a page does not start with the reader's own visit.
        Page<AuditEvent> page;
        try
        {
            page = await auditLog.ListAsync(patientId, pageSize, continuationToken, cancellationToken);
        }
        catch (InvalidContinuationTokenException exception)
        {
            return Failure.Invalid("continuationToken", exception.Message);
        }

        await access.RecordAsync(visit.Value, AuditOutcome.Success, cancellationToken);
        return page;
    }
}
