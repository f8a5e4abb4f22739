using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Prescriptions;

/// <summary>
/// Use case: a clinician decides several requests at once (approve the morning's routine renewals). Each decision is
/// the single decision, under its own ETag, audited on its own; one failing does not stop the others.
/// </summary>
public sealed class DecideRefillBatch(DecideRefill decide)
{
    /// <summary>The most decisions in one batch.</summary>
    public const int MaxDecisions = 25;

    /// <summary>One result per decision, in order; 400 for an empty or too large batch, 403 for anyone but clinicians.</summary>
    public async Task<Result<IReadOnlyList<RefillBatchResult>>> ExecuteAsync(Caller caller, RefillBatch batch, CancellationToken cancellationToken)
    {
        var decisions = batch.Decisions ?? [];
        if (decisions.Count is < 1 or > MaxDecisions)
        {
            return Failure.Invalid("decisions", $"One to {MaxDecisions} decisions.");
        }

        if (!caller.IsInRole(AppRoles.Clinician))
        {
            return new Failure(FailureKind.Forbidden, "Refill requests are decided by the clinic's clinicians.");
        }

        var results = new List<RefillBatchResult>();
        foreach (var d in decisions)
        {
            var outcome = d.Action switch
            {
                RefillAction.Review => await decide.ReviewAsync(caller, d.PatientId, d.RequestId, d.ETag, new RefillReview(), cancellationToken),
                RefillAction.Approve when d.Approval is { } approval => await decide.ApproveAsync(caller, d.PatientId, d.RequestId, d.ETag, approval, cancellationToken),
                RefillAction.Deny when d.Denial is { } denial => await decide.DenyAsync(caller, d.PatientId, d.RequestId, d.ETag, denial, cancellationToken),
                RefillAction.NeedsVisit when d.Visit is { } visit => await decide.NeedsVisitAsync(caller, d.PatientId, d.RequestId, d.ETag, visit, cancellationToken),
                _ => Failure.Invalid(d.Action.ToString(), "Send the decision's details: approval, denial or visit."),
            };
            results.Add(outcome.Succeeded
                ? new RefillBatchResult(d.PatientId, d.RequestId, 200, outcome.Value.Value, outcome.Value.ETag, null, null)
                : new RefillBatchResult(d.PatientId, d.RequestId, StatusOf(outcome.Failure.Kind), null, null, outcome.Failure.Detail, outcome.Failure.Errors));
        }

        return results;
    }

    /// <summary>The HTTP status the single decision would have answered.</summary>
    public static int StatusOf(FailureKind kind) => kind switch
    {
        FailureKind.Validation => 400,
        FailureKind.Forbidden => 403,
        FailureKind.NotFound => 404,
        FailureKind.Conflict => 409,
        FailureKind.PreconditionFailed => 412,
        FailureKind.PreconditionRequired => 428,
        _ => 500,
    };
}
