using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Caregivers;

/// <summary>Use case: the patient withdraws an invitation not yet redeemed; its code stops working at once.</summary>
public sealed class CancelInvitation(IProxyInvitations invitations, ChartAccess access, TimeProvider clock)
{
    /// <summary>Done; 404 for an unknown invitation, 409 once redeemed (revoke the grant instead).</summary>
    public async Task<Result<bool>> ExecuteAsync(Caller caller, string patientId, string invitationId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Change(DataCategory.Proxies), $"patients/{patientId}/proxies/invitations/{invitationId}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = await CancelAsync(patientId, invitationId, cancellationToken);
        await access.RecordAsync(visit.Value with { Action = "proxies.uninvite" }, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    private async Task<Result<bool>> CancelAsync(string patientId, string invitationId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var found = await invitations.FindAsync(patientId, invitationId, cancellationToken);
            if (found is null)
            {
                return Failure.NotFound("The invitation");
            }

            if (found.Value.RedeemedBy is not null)
            {
                return new Failure(FailureKind.Conflict, "This invitation was redeemed; revoke the caregiver's access instead.");
            }

            if (found.Value.CancelledAt is not null)
            {
                return true;
            }

            try
            {
                await invitations.UpdateAsync(found.Value with { CancelledAt = clock.GetUtcNow() }, found.ETag, cancellationToken);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                // A wrong answer or a redemption meanwhile: look again.
            }
        }

        return new Failure(FailureKind.Conflict, "The invitation is being used; try again.");
    }
}
