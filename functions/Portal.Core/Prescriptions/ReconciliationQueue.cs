using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Prescriptions;

/// <summary>
/// Use case: what patients reported and no clinician reconciled yet, every patient's, oldest first, for the clinicians
/// who reconcile it. The queue says whose report it is and which section, nothing of what it says.
/// </summary>
public sealed class ReconciliationQueue(IReportedItems reports)
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>One page; 400 for a bad page size or token, 403 for anyone but clinicians.</summary>
    public async Task<Result<Page<ReportedQueueEntry>>> ExecuteAsync(Caller caller, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            return Failure.Invalid("pageSize", $"Between 1 and {MaxPageSize}.");
        }

        if (!caller.IsInRole(AppRoles.Clinician) || AccessPolicy.DecideWorkQueue(caller, DataCategory.Records) != AccessDecision.Allow)
        {
            return new Failure(FailureKind.Forbidden, "The reconciliation queue is for the clinic's clinicians.");
        }

        try
        {
            return await reports.QueueAsync(pageSize, continuationToken, cancellationToken);
        }
        catch (InvalidContinuationTokenException exception)
        {
            return Failure.Invalid("continuationToken", exception.Message);
        }
    }
}
