using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Caregivers;

/// <summary>Use case: the patient's caregivers — grants (current and ended) and invitations — for the patient (and the front desk and administrators).</summary>
public sealed class ListProxies(IProxyGrants grants, IProxyInvitations invitations, ChartAccess access, ProxyRules rules, TimeProvider clock)
{
    /// <summary>Grants newest first with their ETags, and invitations newest first; 404/403 per the policy (caregivers never see other caregivers).</summary>
    public async Task<Result<ProxyOverview>> ExecuteAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Proxies), $"patients/{patientId}/proxies", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var (granted, invited) = (grants.ListAsync(patientId, cancellationToken), invitations.ListAsync(patientId, cancellationToken));
        var now = clock.GetUtcNow();
        var overview = new ProxyOverview(
            [.. (await granted).OrderByDescending(g => g.Value.GrantedAt).Select(g => new ListedGrant(g.Value, g.ETag, g.Value.StatusAt(now, rules)))],
            [.. (await invited).Where(i => i.Value.RedeemedBy is null).OrderByDescending(i => i.Value.CreatedAt).Select(i => new ListedInvitation(i.Value, i.Value.StatusAt(now)))]);
        await access.RecordAsync(visit.Value, AuditOutcome.Success, cancellationToken);
        return overview;
    }
}

/// <summary>A patient's caregivers.</summary>
/// <param name="Grants">Every grant with its ETag (ended ones too: the history the patient can check).</param>
/// <param name="Invitations">Invitations not redeemed (pending, expired, locked or withdrawn).</param>
public sealed record ProxyOverview(IReadOnlyList<ListedGrant> Grants, IReadOnlyList<ListedInvitation> Invitations);

/// <summary>A grant as listed.</summary>
/// <param name="Grant">The grant.</param>
/// <param name="ETag">Its version, for If-Match.</param>
/// <param name="Status"><c>active</c>, <c>expired</c> or <c>ended</c>.</param>
public sealed record ListedGrant(ProxyGrant Grant, string ETag, string Status);

/// <summary>An invitation as listed.</summary>
/// <param name="Invitation">The invitation.</param>
/// <param name="Status"><c>pending</c>, <c>expired</c>, <c>locked</c> or <c>cancelled</c>.</param>
public sealed record ListedInvitation(ProxyInvitation Invitation, string Status);
