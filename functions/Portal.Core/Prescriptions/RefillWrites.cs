using Microsoft.Extensions.Logging;
using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Notifications;
using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>Who takes a step on a refill request.</summary>
public enum RefillSide
{
    /// <summary>Clinicians: review, approve, deny, ask for a visit.</summary>
    Prescriber,

    /// <summary>The patient or a caregiver: cancel.</summary>
    Requester,
}

/// <summary>
/// Changes a refill request the one safe way: If-Match required, the chart opened for the step, the request read with
/// its ETag (412 when the caller's copy is stale: of two staff deciding at once, one wins and the other gets 412), the
/// step applied by the state machine (409 for a step its state does not allow), then the request, the removal of its
/// open rows once closed, and the patient's notice saved in one chart transaction; the notice is enqueued after.
/// </summary>
public sealed class RefillWrites(ChartAccess access, IRefillRequests requests, INoticeQueue notices, TimeProvider clock, ILogger<RefillWrites> logger)
{
    /// <summary>
    /// What a step makes of the request, or a failure. A step that writes elsewhere first (an approval's prescriptions)
    /// calls <paramref name="hold"/> before it does: the request is rewritten unchanged under the caller's ETag, so a
    /// concurrent decision loses (412) before anything is written for this one; hold's failure is the step's answer.
    /// </summary>
    public delegate Task<Result<RefillRequest>> Step(ChartVisit visit, RefillRequest current, DateTimeOffset now, Func<Task<Failure?>> hold);

    /// <summary>The request as the caller may see it, or null (a caregiver never sees a request for a confidential medication).</summary>
    public static async Task<Versioned<RefillRequest>?> FindVisibleAsync(IRefillRequests requests, ChartVisit visit, string requestId, CancellationToken cancellationToken) =>
        RefillRules.IsRequestId(requestId) && await requests.FindAsync(visit.PatientId, requestId, cancellationToken) is { } found
        && (!found.Value.Confidential || RecordVisibility.ShowsConfidential(visit))
            ? found
            : null;

    /// <summary>Applies <paramref name="step"/> as <paramref name="side"/>; the patient is told unless <paramref name="notify"/> is false.</summary>
    public Task<Result<Versioned<RefillRequest>>> ApplyAsync(
        Caller caller, string patientId, string requestId, string? ifMatch, string action, RefillSide side, bool notify, Step step, CancellationToken cancellationToken) =>
        access.ChangeAsync(
            caller, patientId, Permission.Change(DataCategory.Prescriptions), $"patients/{patientId}/refill-requests/{requestId}/{action}", ifMatch, "request",
            (visit, eTag) => ApplyAsync(visit, requestId, eTag, side, notify, step, cancellationToken), cancellationToken);

    private async Task<Result<Versioned<RefillRequest>>> ApplyAsync(
        ChartVisit visit, string requestId, string ifMatch, RefillSide side, bool notify, Step step, CancellationToken cancellationToken)
    {
        var prescriber = visit.Caller.IsInRole(AppRoles.Clinician) && RecordCallers.IsCareTeam(visit);
        if (side == RefillSide.Prescriber ? !prescriber : RecordCallers.IsCareTeam(visit))
        {
            return new Failure(FailureKind.Forbidden, side == RefillSide.Prescriber
                ? "Refill requests are decided by the clinic's clinicians."
                : "A refill request is cancelled by the patient or their caregiver.");
        }

        var current = await FindVisibleAsync(requests, visit, requestId, cancellationToken);
        if (current is null)
        {
            return Failure.NotFound("The refill request");
        }

        if (current.ETag != ifMatch && ifMatch != "*")
        {
            return Stale();
        }

        var now = clock.GetUtcNow();
        var eTag = current.ETag;
        async Task<Failure?> HoldAsync()
        {
            try
            {
                eTag = await requests.SaveAsync(current.Value, eTag, null, cancellationToken);
                return null;
            }
            catch (ConcurrencyConflictException)
            {
                return Stale();
            }
        }

        var changed = await step(visit, current.Value, now, HoldAsync);
        if (!changed.Succeeded)
        {
            if (changed.Failure.Kind == FailureKind.Conflict && !current.Value.IsOpen)
            {
                // A closed request may still have the queue row of a write that failed half-way: this is its last chance.
                await requests.ReconcileQueueAsync(current.Value, cancellationToken);
            }

            return changed.Failure;
        }

        // A request for a confidential medication sends no notice: the patient's contact details may be a parent's.
        var notice = notify && !changed.Value.Confidential
            ? Notice.Create(visit.PatientId, NoticeKind.RefillStatus, NoticeDetails.None, $"/medications/refill-requests/{requestId}", now)
            : null;
        try
        {
            eTag = await requests.SaveAsync(changed.Value, eTag, notice, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return Stale();
        }

        if (notice is not null)
        {
            await notices.TryEnqueueAsync(notice, logger, cancellationToken);
        }

        return new Versioned<RefillRequest>(changed.Value, eTag);
    }

    private static Failure Stale() => new(FailureKind.PreconditionFailed, "The request changed since you read it; read it again.");
}
