using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Scheduling.Waitlist;

/// <summary>
/// Use case: take the patient off a waitlist. The chart says "left" first, then the index row goes (an offer that finds
/// a row whose entry left removes it). Leaving an entry that left or expired already answers with it unchanged.
/// </summary>
public sealed class LeaveWaitlist(AppointmentScope scope, IWaitlist waitlist)
{
    /// <summary>The entry as it is now; 404/403, 412 when <paramref name="ifMatch"/> is stale.</summary>
    public async Task<Result<WaitlistEntryView>> ExecuteAsync(Caller caller, string patientId, string entryId, string? ifMatch, CancellationToken cancellationToken)
    {
        var visit = await scope.OpenAsync(caller, patientId, write: true, $"patients/{patientId}/waitlist/{entryId}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var now = scope.Now;
        var found = await waitlist.FindAsync(patientId, entryId, cancellationToken);
        Result<Versioned<WaitlistEntry>> outcome;
        if (found is null)
        {
            outcome = Failure.NotFound("The waitlist entry");
        }
        else if (!string.IsNullOrWhiteSpace(ifMatch) && ifMatch != "*" && ifMatch != found.ETag)
        {
            outcome = new Failure(FailureKind.PreconditionFailed, "The waitlist entry changed since you read it; read it again.");
        }
        else if (found.Value.Status != WaitlistStatus.Waiting)
        {
            outcome = found;
        }
        else
        {
            var left = found.Value with { Status = WaitlistStatus.Left, UpdatedAt = now };
            try
            {
                outcome = new Versioned<WaitlistEntry>(left, await waitlist.ReplaceAsync(left, found.ETag, cancellationToken));
            }
            catch (ConcurrencyConflictException)
            {
                outcome = new Failure(FailureKind.PreconditionFailed, "The waitlist entry changed since you read it; read it again.");
            }
        }

        await scope.RecordAsync(visit.Value, outcome.Succeeded, cancellationToken);
        return outcome.Succeeded
            ? WaitlistEntryView.Of(outcome.Value, await scope.SetupAsync(cancellationToken), scope.Zone, scope.Clinic.TimeZone, now)
            : outcome.Failure;
    }
}
