using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Patients;

/// <summary>
/// Use case: a signed-in person redeems a clinic-issued code plus the patient's date of birth
/// and becomes linked to that patient's chart.
/// </summary>
public sealed class RedeemActivationCode(IActivations activations, IPatientLinks links, ChartAccess access, TimeProvider time)
{
    /// <summary>The new link, or a field error / 429 when the code is locked.</summary>
    public async Task<Result<PatientLink>> ExecuteAsync(Caller caller, string? code, DateOnly birthDate, CancellationToken cancellationToken)
    {
        var normalized = ActivationCode.Normalize(code);
        if (normalized is null)
        {
            return Failure.Invalid("code", "This is not an activation code.");
        }

        // Two people racing for one code: the loser re-reads and sees it redeemed.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var found = await activations.FindAsync(ActivationCode.Hash(normalized), cancellationToken);
            if (found is null)
            {
                return Failure.Invalid("code", "This activation code is not valid.");
            }

            var (pending, eTag) = (found.Value, found.ETag);
            var now = time.GetUtcNow();
            var standing = OneTimeCodeState.Of(pending.RedeemedBy, caller.Subject, pending.ExpiresAt, pending.FailedAttempts, now, "activation code", "ask the clinic for a new one");
            if (!standing.Succeeded)
            {
                return standing.Failure;
            }

            if (standing.Value == OneTimeCodeState.Standing.UsedByCaller)
            {
                return await LinkAsync(caller, pending, cancellationToken);
            }

            try
            {
                if (pending.BirthDate != birthDate)
                {
                    await activations.UpdateAsync(pending with { FailedAttempts = pending.FailedAttempts + 1 }, eTag, cancellationToken);
                    return Failure.Invalid("birthDate", "The date of birth does not match the clinic's records.");
                }

                await activations.UpdateAsync(pending with { RedeemedBy = caller.Subject, RedeemedAt = now }, eTag, cancellationToken);
                return await LinkAsync(caller, pending, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Someone else changed it first: decide again on the fresh copy.
            }
        }

        return new Failure(FailureKind.Conflict, "The activation code is being used elsewhere; try again.");
    }

    // Redeeming is marked first, then the link written; a retry by the same person re-writes the link.
    private async Task<Result<PatientLink>> LinkAsync(Caller caller, PendingActivation pending, CancellationToken cancellationToken)
    {
        var link = new PatientLink(caller.Subject, pending.PatientId, LinkKind.Self, pending.PatientName, []);
        await links.SaveAsync(link, cancellationToken);
        await access.RecordAsync(new ChartVisit(caller, pending.PatientId, "activation.redeem", "me/activate", "self", null), AuditOutcome.Success, cancellationToken);

        return link;
    }
}
