using Microsoft.Extensions.Logging;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Notifications;

namespace Portal.Core.Record.Amendments;

/// <summary>Who may take a step on a request.</summary>
public enum AmendmentSide
{
    /// <summary>The clinic: clinicians and administrators (extend, accept, deny).</summary>
    CareTeam,

    /// <summary>The patient or a caregiver for them (a statement of disagreement).</summary>
    Requester,
}

/// <summary>
/// Changes a request the one safe way: If-Match required, the chart opened for the step, the request read with its
/// ETag (412 when the caller's copy is stale), the step applied (409 for a step its state does not allow), then the
/// request and the patient's notice saved in one chart transaction; the notice is enqueued after, best effort.
/// </summary>
public sealed class AmendmentWrites(ChartAccess access, IAmendmentRequests requests, INoticeQueue notices, TimeProvider clock, ILogger<AmendmentWrites> logger)
{
    /// <summary>What a step makes of the request, or a failure. It may write elsewhere first (an accepted correction), idempotently.</summary>
    public delegate Task<Result<AmendmentRequest>> Step(ChartVisit visit, Versioned<AmendmentRequest> current, DateTimeOffset now);

    /// <summary>The request as the caller may see it, or null (a caregiver never sees a request about a confidential item).</summary>
    public static async Task<Versioned<AmendmentRequest>?> FindVisibleAsync(IAmendmentRequests requests, ChartVisit visit, string requestId, CancellationToken cancellationToken) =>
        AmendmentRules.IsRequestId(requestId) && await requests.FindAsync(visit.PatientId, requestId, cancellationToken) is { } found
        && (!found.Value.Confidential || RecordVisibility.ShowsConfidential(visit))
            ? found
            : null;

    /// <summary>Applies <paramref name="step"/>; <paramref name="notice"/> is the kind the patient is told of, if any.</summary>
    public async Task<Result<Versioned<AmendmentRequest>>> ApplyAsync(
        Caller caller, string patientId, string requestId, string? ifMatch, string action, AmendmentSide side, NoticeKind? notice, Step step, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return new Failure(FailureKind.PreconditionRequired, "Send the request's ETag in If-Match.");
        }

        var visit = await access.OpenAsync(caller, patientId, Permission.Change(DataCategory.Amendments), $"patients/{patientId}/amendments/{requestId}/{action}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = await ApplyAsync(visit.Value, requestId, ifMatch, side, notice, step, cancellationToken);
        await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    private async Task<Result<Versioned<AmendmentRequest>>> ApplyAsync(
        ChartVisit visit, string requestId, string ifMatch, AmendmentSide side, NoticeKind? noticeKind, Step step, CancellationToken cancellationToken)
    {
        if (RecordCallers.IsCareTeam(visit) != (side == AmendmentSide.CareTeam))
        {
            return new Failure(FailureKind.Forbidden, side == AmendmentSide.CareTeam
                ? "Requests are decided by the clinic's clinicians and administrators."
                : "A statement of disagreement is filed by the patient or their caregiver.");
        }

        var current = await FindVisibleAsync(requests, visit, requestId, cancellationToken);
        if (current is null)
        {
            return Failure.NotFound("The amendment request");
        }

        if (current.ETag != ifMatch && ifMatch != "*")
        {
            return Stale();
        }

        var now = clock.GetUtcNow();
        var changed = await step(visit, current, now);
        if (!changed.Succeeded)
        {
            if (changed.Failure.Kind == FailureKind.Conflict && current.Value.State != AmendmentState.Received)
            {
                // A decided request may still have the queue row of a write that failed half-way: this is its last chance.
                await requests.ReconcileQueueAsync(current.Value, cancellationToken);
            }

            return changed.Failure;
        }

        // A confidential request sends no notice: the patient's contact details may be a parent's.
        var notice = noticeKind is { } kind && !changed.Value.Confidential
            ? Notice.Create(visit.PatientId, kind, NoticeDetails.None, $"/record/amendments/{requestId}", now)
            : null;
        string eTag;
        try
        {
            eTag = await requests.SaveAsync(changed.Value, current.ETag, notice, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return Stale();
        }

        if (notice is not null)
        {
            await notices.TryEnqueueAsync(notice, logger, cancellationToken);
        }

        return new Versioned<AmendmentRequest>(changed.Value, eTag);
    }

    private static Failure Stale() => new(FailureKind.PreconditionFailed, "The request changed since you read it; read it again.");
}
