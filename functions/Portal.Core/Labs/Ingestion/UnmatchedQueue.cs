using System.Diagnostics;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Labs.Ingestion;

/// <summary>
/// The gate of the unmatched-results work queue: clinicians and administrators only (<see cref="AccessPolicy.DecideUnmatchedResults"/>),
/// and every look at it audited under the pseudo-patient <see cref="AuditPartition"/> (the patient is not known yet).
/// </summary>
public sealed class UnmatchedQueue(IAuditLog audit, TimeProvider clock)
{
    /// <summary>Where work-queue access is audited.</summary>
    public const string AuditPartition = "lab-unmatched";

    /// <summary>Null when allowed, else the 403.</summary>
    public async Task<Failure?> CheckAsync(Caller caller, string action, string resource, CancellationToken cancellationToken)
    {
        if (AccessPolicy.DecideUnmatchedResults(caller) == AccessDecision.Allow)
        {
            return null;
        }

        await RecordAsync(caller, action, resource, AuditOutcome.Denied, cancellationToken);
        return new Failure(FailureKind.Forbidden, "Only clinicians and administrators work the unmatched lab results.");
    }

    /// <summary>Appends the audit event of a work-queue action.</summary>
    public Task RecordAsync(Caller caller, string action, string resource, AuditOutcome outcome, CancellationToken cancellationToken) =>
        audit.AppendAsync(
            new AuditEvent(clock.GetUtcNow(), caller.Subject, caller.DisplayName, ChartAccess.StaffCapacity(caller), null, AuditPartition,
                action, resource, outcome, caller.ClientIp, Activity.Current?.TraceId.ToString()),
            cancellationToken);
}
