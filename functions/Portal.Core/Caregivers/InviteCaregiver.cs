using Microsoft.Extensions.Logging;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Notifications;
using Portal.Core.Profile;

namespace Portal.Core.Caregivers;

/// <summary>
/// Use case: the patient invites a caregiver. Needs MFA (it hands out access to the chart). The code goes to the
/// caregiver's address through the notification pipeline, written in the same chart transaction as the invitation,
/// with a security notice to the patient; the code is never stored in clear nor shown in the answer.
/// </summary>
public sealed class InviteCaregiver(
    IProxyInvitations invitations, IProfiles profiles, ChartAccess access, IRequestReplays replays, INoticeQueue queue, ProxyRules rules, TimeProvider clock, ILogger<InviteCaregiver> logger)
{
    /// <summary>The Idempotency-Key operation name.</summary>
    public const string Operation = "proxy-invitation";

    /// <summary>The invitation (without its code); 400 for bad fields, 401 without MFA, 403 for anyone but the patient, 404 per the policy.</summary>
    public async Task<Result<ProxyInvitation>> ExecuteAsync(Caller caller, string patientId, NewInvitation request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var (errors, scopes) = InvitationRules.Check(request);
        var now = clock.GetUtcNow();
        var ends = AccessEnd.Parse(request.AccessEndsOn, now, rules);
        if (!ends.Succeeded)
        {
            errors["accessEndsOn"] = [.. ends.Failure.Errors!["accessEndsOn"]];
        }

        if (!IdempotencyKeys.IsValidOrAbsent(idempotencyKey))
        {
            errors[IdempotencyKeys.Field] = [IdempotencyKeys.Rule];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        var visit = await access.OpenAsync(caller, patientId, Permission.Change(DataCategory.Proxies), $"patients/{patientId}/proxies/invitations", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = await InviteAsync(visit.Value, request, scopes, ends.Value, idempotencyKey, now, cancellationToken);
        await access.RecordAsync(visit.Value with { Action = "proxies.invite" }, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    private async Task<Result<ProxyInvitation>> InviteAsync(
        ChartVisit visit, NewInvitation request, IReadOnlyList<string> scopes, DateTimeOffset? ends, string? idempotencyKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (visit.ActingAs != "self")
        {
            return new Failure(FailureKind.Forbidden, "Only the patient invites caregivers; the clinic reviews requests for those who cannot (POST /api/proxy-requests).");
        }

        if (!visit.Caller.HasMfa)
        {
            return new Failure(FailureKind.StepUpRequired, "Inviting a caregiver needs multi-factor sign-in.");
        }

        var claimed = await replays.ClaimAsync(
            visit.Caller.Subject, Operation, idempotencyKey, IdempotencyKeys.Hash(new { visit.PatientId, request }), () => Guid.NewGuid().ToString("N"), now, cancellationToken);
        if (!claimed.Succeeded)
        {
            return claimed.Failure;
        }

        var (replay, retry) = claimed.Value;
        if (retry && await invitations.FindAsync(visit.PatientId, replay.ResourceId, cancellationToken) is { } earlier)
        {
            // The first attempt got through: its code went out; a retry sends no second one.
            return earlier.Value;
        }

        var profile = (await profiles.FindAsync(visit.PatientId, cancellationToken))?.Value;
        if (profile is null)
        {
            return Failure.NotFound("The patient");
        }

        var (code, hash) = InvitationCodes.Issue();
        var invitationId = replay.ResourceId;
        var invitation = new ProxyInvitation(
            visit.PatientId, invitationId, profile.DisplayName, profile.BirthDate, request.CaregiverName!.Trim(), request.Relationship!,
            request.Email, request.Phone, request.PreferredLanguage, scopes, ends, hash,
            request.CodeWord is { } word ? InvitationCodes.HashCodeWord(word, invitationId) : null,
            replay.CreatedAt, replay.CreatedAt + InvitationCodes.Lifetime);
        var toCaregiver = Notice.Create(visit.PatientId, NoticeKind.ProxyInvitation, new NoticeDetails(InvitationCode: InvitationCode.From(code)), "/caregiver-invitation", now) with
        {
            Invitee = new NoticeContact(request.Phone, request.Email, request.Phone is not null, request.Email is not null, request.PreferredLanguage, null),
            CaregiverRelationship = request.Relationship,
        };
        Notice[] notices = [toCaregiver, GrantNotices.InvitationSent(visit.PatientId, now)];
        await invitations.CreateAsync(invitation, notices, cancellationToken);
        foreach (var notice in notices)
        {
            await queue.TryEnqueueAsync(notice, logger, cancellationToken);
        }

        return invitation;
    }
}
