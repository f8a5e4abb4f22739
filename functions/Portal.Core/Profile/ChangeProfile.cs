using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Microsoft.Extensions.Logging;
using Portal.Core.Identity;
using Portal.Core.Notifications;

namespace Portal.Core.Profile;

/// <summary>
/// Use case: change a profile with a merge patch, guarded by the ETag the caller read.
/// Changing the phone or e-mail needs MFA, because they receive notices and sign-in codes, and it sends the
/// patient a security notice, written in the same transaction as the change.
/// </summary>
public sealed class ChangeProfile(IProfiles profiles, ChartAccess access, INoticeQueue notices, TimeProvider clock, ILogger<ChangeProfile> logger)
{
    /// <summary>The changed profile with its new ETag, or 400/401/404/412/428.</summary>
    public async Task<Result<Versioned<PatientProfile>>> ExecuteAsync(
        Caller caller, string patientId, string? ifMatch, string patchJson, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return new Failure(FailureKind.PreconditionRequired, "Send the profile's ETag in If-Match to change it.");
        }

        var visit = await access.OpenAsync(caller, patientId, Permission.Change(DataCategory.Profile), $"patients/{patientId}/profile", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = await ChangeAsync(caller, patientId, ifMatch, patchJson, cancellationToken);
        await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    private async Task<Result<Versioned<PatientProfile>>> ChangeAsync(
        Caller caller, string patientId, string ifMatch, string patchJson, CancellationToken cancellationToken)
    {
        var current = await profiles.FindAsync(patientId, cancellationToken);
        if (current is null)
        {
            return Failure.NotFound("The patient");
        }

        if (current.ETag != ifMatch && ifMatch != "*")
        {
            return new Failure(FailureKind.PreconditionFailed, "The profile changed since you read it; read it again and reapply your change.");
        }

        var patched = ProfilePatch.Apply(current.Value, patchJson);
        if (!patched.Succeeded)
        {
            return patched.Failure;
        }

        var contactChanged = patched.Value.Phone != current.Value.Phone || patched.Value.Email != current.Value.Email;
        if (contactChanged && !caller.HasMfa)
        {
            return new Failure(FailureKind.StepUpRequired, "Changing the phone number or e-mail address needs multi-factor sign-in.");
        }

        var notice = contactChanged ? Notice.Create(patientId, NoticeKind.SecurityNotice, NoticeDetails.None, "/profile", clock.GetUtcNow()) : null;
        string eTag;
        try
        {
            eTag = await profiles.ReplaceAsync(patched.Value, current.ETag, notice, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return new Failure(FailureKind.PreconditionFailed, "The profile changed since you read it; read it again and reapply your change.");
        }

        if (notice is not null)
        {
            await notices.TryEnqueueAsync(notice, logger, cancellationToken);
        }

        return new Versioned<PatientProfile>(patched.Value, eTag);
    }
}
