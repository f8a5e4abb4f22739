using Portal.Core.Common;

namespace Portal.Core.Patients;

/// <summary>
/// The one way a patient's activation code is replaced: a fresh code that ends the current one if it is still
/// unused, so at no moment are two codes of one patient valid. A registration retried with its
/// Idempotency-Key and a re-issue by the front desk both come here.
/// </summary>
public sealed class ActivationCodeReplacement(IActivations activations, TimeProvider time)
{
    /// <summary>The fresh code; 404 when the patient has no code on record, 409 once the patient has activated.</summary>
    public async Task<Result<ActivationCodeIssued>> ReplaceAsync(string patientId, CancellationToken cancellationToken)
    {
        // The current code can change under us (redeemed, or a wrong date of birth counted): decide again on a fresh copy.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = await activations.FindCurrentAsync(patientId, cancellationToken);
            if (current is null)
            {
                return Failure.NotFound("The patient");
            }

            if (current.Value.RedeemedBy is not null)
            {
                return new Failure(
                    FailureKind.Conflict,
                    "This patient has already activated their portal account, so no new activation code is issued; they sign in with their own account.");
            }

            var now = time.GetUtcNow();
            var (code, replacement) = ActivationCode.Issue(patientId, current.Value.PatientName, current.Value.BirthDate, now);
            try
            {
                await activations.ReplaceAsync(current, replacement, now, cancellationToken);
                return new ActivationCodeIssued(patientId, code, replacement.ExpiresAt);
            }
            catch (ConcurrencyConflictException)
            {
            }
        }

        return new Failure(FailureKind.Conflict, "The patient's activation code is being used right now; try again.");
    }
}
