using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Caregivers;

/// <summary>
/// Use case: the patient (or the front desk or an administrator) revokes a grant. Effective on the caregiver's next
/// request (their index is written first); revoking an ended grant again changes nothing and tells nobody.
/// </summary>
public sealed class RevokeGrant(IProxyGrants grants, GrantWrites writes, ChartAccess access, TimeProvider clock)
{
    /// <summary>Done; 404 for an unknown grant, 412 for a stale If-Match (optional), 404/403 per the policy.</summary>
    public async Task<Result<bool>> ExecuteAsync(Caller caller, string patientId, string grantId, string? ifMatch, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Change(DataCategory.Proxies), $"patients/{patientId}/proxies/{grantId}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = await RevokeAsync(patientId, grantId, ifMatch, cancellationToken);
        await access.RecordAsync(visit.Value with { Action = "proxies.revoke" }, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    private async Task<Result<bool>> RevokeAsync(string patientId, string grantId, string? ifMatch, CancellationToken cancellationToken)
    {
        var found = (await grants.ListAsync(patientId, cancellationToken)).FirstOrDefault(g => g.Value.GrantId == grantId);
        if (found is null)
        {
            return Failure.NotFound("The grant");
        }

        if (!string.IsNullOrEmpty(ifMatch) && ifMatch != "*" && ifMatch != found.ETag)
        {
            return new Failure(FailureKind.PreconditionFailed, "The grant changed since you read it; read it again.");
        }

        try
        {
            await writes.EndAsync(found, EndReasons.Revoked, clock.GetUtcNow(), cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return new Failure(FailureKind.PreconditionFailed, "The grant changed meanwhile; read it again and revoke it.");
        }
    }
}
