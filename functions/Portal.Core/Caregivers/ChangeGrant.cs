using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Caregivers;

/// <summary>
/// Use case: narrow or widen a grant's scopes or move its end date (MFA, If-Match). Narrowing takes effect on the
/// caregiver's next request; both are told.
/// </summary>
public sealed class ChangeGrant(IProxyGrants grants, GrantWrites writes, ChartAccess access, ProxyRules rules, TimeProvider clock)
{
    /// <summary>The changed grant with its ETag; 400, 401 (MFA), 404, 409 (ended), 412, 428.</summary>
    public async Task<Result<Versioned<ProxyGrant>>> ExecuteAsync(
        Caller caller, string patientId, string grantId, string? ifMatch, GrantChange change, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return new Failure(FailureKind.PreconditionRequired, "Send the grant's ETag in If-Match to change it.");
        }

        var now = clock.GetUtcNow();
        IReadOnlyList<string>? scopes = null;
        if (change.Scopes is not null)
        {
            var parsed = GrantScopes.Parse(change.Scopes);
            if (!parsed.Succeeded)
            {
                return parsed.Failure;
            }

            scopes = parsed.Value;
        }

        var ends = AccessEnd.Parse(change.AccessEndsOn, now, rules);
        if (!ends.Succeeded)
        {
            return ends.Failure;
        }

        var visit = await access.OpenAsync(caller, patientId, Permission.Change(DataCategory.Proxies), $"patients/{patientId}/proxies/{grantId}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = await ChangeAsync(visit.Value, grantId, ifMatch, scopes, ends.Value, change.RemoveEndDate, now, cancellationToken);
        await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    private async Task<Result<Versioned<ProxyGrant>>> ChangeAsync(
        ChartVisit visit, string grantId, string ifMatch, IReadOnlyList<string>? scopes, DateTimeOffset? ends, bool removeEnd, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!visit.Caller.HasMfa)
        {
            return new Failure(FailureKind.StepUpRequired, "Changing a caregiver's access needs multi-factor sign-in.");
        }

        var found = (await grants.ListAsync(visit.PatientId, cancellationToken)).FirstOrDefault(g => g.Value.GrantId == grantId);
        if (found is null)
        {
            return Failure.NotFound("The grant");
        }

        if (found.ETag != ifMatch && ifMatch != "*")
        {
            return new Failure(FailureKind.PreconditionFailed, "The grant changed since you read it; read it again and reapply your change.");
        }

        var link = found.Value.Link;
        if (!link.IsActive(now))
        {
            return new Failure(FailureKind.Conflict, "This caregiver's access has ended; invite them again.");
        }

        var changed = link with { Scopes = scopes ?? link.Scopes, ExpiresAt = removeEnd ? null : ends ?? link.ExpiresAt };
        var takesAway = link.Scopes.Except(changed.Scopes).Any() || (changed.ExpiresAt is { } end && (link.ExpiresAt is null || end < link.ExpiresAt));
        var grant = found.Value with { Link = changed, ChangedAt = now };
        try
        {
            var eTag = await writes.SaveAsync(new GrantWrite(grant, found.ETag, takesAway, GrantNotices.Changed(grant, now)), cancellationToken);
            return new Versioned<ProxyGrant>(grant, eTag);
        }
        catch (ConcurrencyConflictException)
        {
            return new Failure(FailureKind.PreconditionFailed, "The grant changed since you read it; read it again and reapply your change.");
        }
    }
}
