using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Patients;

namespace Portal.Core.Caregivers;

/// <summary>
/// Use case: a caregiver, signed in with their own account, redeems an invitation with the patient's birth date (or the
/// code word the patient set). The one-time code rules are the activation codes' (<see cref="OneTimeCodeState"/>); the
/// grant, the redeemed invitation and the notices to both are one chart transaction, then the caregiver's index.
/// </summary>
public sealed class RedeemInvitation(
    IProxyInvitations invitations, IProxyGrants grants, GrantWrites writes, IPatientLinks links, ChartAccess access, ProxyRules rules, TimeProvider clock)
{
    /// <summary>The new grant; field errors for a bad code or answer, 429 once locked, 409 when the code is fought over.</summary>
    public async Task<Result<ProxyGrant>> ExecuteAsync(Caller caller, InvitationAnswer answer, CancellationToken cancellationToken)
    {
        if (InvitationCodes.HashOf(answer.Code) is not { } hash)
        {
            return Failure.Invalid("code", "This is not an invitation code.");
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var found = await invitations.FindByCodeAsync(hash, cancellationToken);
            if (found is null || found.Value.CancelledAt is not null)
            {
                return Failure.Invalid("code", "This invitation code is not valid.");
            }

            var invitation = found.Value;
            var now = clock.GetUtcNow();
            var standing = OneTimeCodeState.Of(invitation.RedeemedBy, caller.Subject, invitation.ExpiresAt, invitation.FailedAttempts, now, "invitation code", "ask the patient to invite you again");
            if (!standing.Succeeded)
            {
                return standing.Failure;
            }

            if (standing.Value == OneTimeCodeState.Standing.UsedByCaller)
            {
                return await RewriteIndexAsync(invitation, caller, cancellationToken);
            }

            try
            {
                if (!InvitationCodes.Answers(invitation, answer.BirthDate, answer.CodeWord))
                {
                    await invitations.UpdateAsync(invitation with { FailedAttempts = invitation.FailedAttempts + 1 }, found.ETag, cancellationToken);
                    return invitation.CodeWordHash is null
                        ? Failure.Invalid("birthDate", "The date of birth does not match the invitation.")
                        : Failure.Invalid("codeWord", "The code word does not match the invitation.");
                }

                if ((await links.FindAsync(caller.Subject, invitation.PatientId, cancellationToken))?.Kind == LinkKind.Self)
                {
                    return Failure.Invalid("code", "This invitation is for someone who helps you; they redeem it with their own account.");
                }

                return await GrantAsync(caller, found, now, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Someone else changed it first (a wrong answer, a redemption): decide again on the fresh copy.
            }
        }

        return new Failure(FailureKind.Conflict, "The invitation code is being used elsewhere; try again.");
    }

    private async Task<Result<ProxyGrant>> GrantAsync(Caller caller, Versioned<ProxyInvitation> found, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var invitation = found.Value;
        var grantId = Guid.NewGuid().ToString("N");
        var minor = AccessPolicy.BandOf(invitation.PatientBirthDate, now, rules) != AgeBand.Adult;
        var grant = new ProxyGrant(
            new PatientLink(caller.Subject, invitation.PatientId, LinkKind.Proxy, invitation.PatientName, invitation.Scopes, invitation.AccessEndsAt, null, grantId,
                invitation.Relationship, invitation.PatientBirthDate, EndsAtAdulthood: minor),
            invitation.CaregiverName, now, "invitation", invitation.InvitationId);
        var earlier = await grants.FindAsync(invitation.PatientId, caller.Subject, cancellationToken);
        await writes.SaveAsync(
            new GrantWrite(grant, earlier?.ETag, TakesAccessAway: false, GrantNotices.Started(grant, now), found with { Value = invitation with { RedeemedBy = caller.Subject, RedeemedAt = now, GrantId = grantId } }),
            cancellationToken);

        await access.RecordAsync(Visit(caller, invitation.PatientId), AuditOutcome.Success, cancellationToken);
        return grant;
    }

    // The same person again (a retry after the chart was written): the grant stands; its index is written again.
    private async Task<Result<ProxyGrant>> RewriteIndexAsync(ProxyInvitation invitation, Caller caller, CancellationToken cancellationToken)
    {
        var grant = await grants.FindAsync(invitation.PatientId, caller.Subject, cancellationToken);
        if (grant is null || grant.Value.GrantId != invitation.GrantId || grant.Value.Link.RevokedAt is not null)
        {
            return Failure.Invalid("code", "This invitation code has already been used.");
        }

        await writes.SaveAsync(new GrantWrite(grant.Value, grant.ETag, TakesAccessAway: false, []), cancellationToken);
        await access.RecordAsync(Visit(caller, invitation.PatientId), AuditOutcome.Success, cancellationToken);
        return grant.Value;
    }

    private static ChartVisit Visit(Caller caller, string patientId) =>
        new(caller, patientId, "proxies.redeem", "me/proxy-invitations/redeem", "proxy", patientId);
}
