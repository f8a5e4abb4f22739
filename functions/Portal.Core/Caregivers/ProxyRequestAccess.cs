using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Caregivers;

/// <summary>
/// The gate of a proxy request: its requester and the reviewers (<see cref="AccessPolicy.DecideProxyRequests"/>); anyone
/// else gets a 404. Until a reviewer matches it to a chart a request belongs to no patient, so its trail is kept in
/// the audit log under <c>proxy-request:{id}</c>; the decision is also written to the patient's own access log.
/// </summary>
public sealed class ProxyRequestAccess(IProxyRequests requests, ChartAccess access)
{
    /// <summary>The audit partition of a request's trail.</summary>
    public static string TrailOf(string requestId) => $"proxy-request:{requestId}";

    /// <summary>The request when the caller is its requester or a reviewer (audited either way); 404 otherwise.</summary>
    public async Task<Result<(Versioned<ProxyRequest> Request, ChartVisit Visit)>> OpenAsync(
        Caller caller, string requestId, string action, string resource, CancellationToken cancellationToken)
    {
        var found = await requests.FindAsync(requestId, cancellationToken);
        var reviewer = AccessPolicy.DecideProxyRequests(caller) == AccessDecision.Allow;
        var visit = Visit(caller, requestId, action, resource, reviewer);
        if (found is null || (!reviewer && found.Value.RequesterSubject != caller.Subject))
        {
            await access.RecordAsync(visit, AuditOutcome.Denied, cancellationToken);
            return Failure.NotFound("The request");
        }

        return (found, visit);
    }

    /// <summary>Closes the visit in the request's trail.</summary>
    public Task RecordAsync(ChartVisit visit, bool succeeded, CancellationToken cancellationToken) =>
        access.RecordAsync(visit, succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);

    /// <summary>A visit of the request's trail: as a reviewer (staff roles) or as the requester.</summary>
    public static ChartVisit Visit(Caller caller, string requestId, string action, string resource, bool reviewer) =>
        new(caller, TrailOf(requestId), action, resource, reviewer ? ChartAccess.StaffCapacity(caller) : "requester", null);
}
