using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Access;

/// <summary>Changing something in a chart under the version the caller read, the same way for every feature.</summary>
public static class ChartChanges
{
    /// <summary>
    /// 428 without If-Match; else opens the visit for <paramref name="permission"/> (404/403 per the policy), runs
    /// <paramref name="change"/> and records the outcome (success or failed) in the audit log.
    /// </summary>
    public static async Task<Result<T>> ChangeAsync<T>(
        this ChartAccess access, Caller caller, string patientId, Permission permission, string resource, string? ifMatch, string what,
        Func<ChartVisit, string, Task<Result<T>>> change, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return new Failure(FailureKind.PreconditionRequired, $"Send the {what}'s ETag in If-Match.");
        }

        var visit = await access.OpenAsync(caller, patientId, permission, resource, cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = await change(visit.Value, ifMatch);
        await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }
}
