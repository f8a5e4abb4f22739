using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Record.Amendments;

/// <summary>An open request in the staff's queue, with how its deadline stands.</summary>
/// <param name="Entry">The queue's entry.</param>
/// <param name="DaysLeft">Whole days until the answer is due (negative once late).</param>
/// <param name="Overdue">True once the due time has passed.</param>
public sealed record AmendmentQueueItem(AmendmentQueueEntry Entry, int DaysLeft, bool Overdue);

/// <summary>
/// Use case: the open amendment requests of every patient, oldest receipt first with their due dates, for the staff
/// who decide them (clinicians and administrators). One index partition; no chart is read until a request is opened,
/// and the queue says nothing of what a request says, so it is not audited per patient.
/// </summary>
public sealed class ListOpenAmendments(IAmendmentRequests requests, TimeProvider clock)
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>One page; 400 for a bad page size or token, 403 for anyone whose role does not decide requests.</summary>
    public async Task<Result<Page<AmendmentQueueItem>>> ExecuteAsync(Caller caller, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            return Failure.Invalid("pageSize", $"Between 1 and {MaxPageSize}.");
        }

        if (!caller.IsStaff || !caller.Roles.Any(role => AccessPolicy.StaffAllows(role, Permission.Change(DataCategory.Amendments))))
        {
            return new Failure(FailureKind.Forbidden, "The amendment queue is for the clinicians and administrators who decide requests.");
        }

        Page<AmendmentQueueEntry> page;
        try
        {
            page = await requests.OpenAsync(pageSize, continuationToken, cancellationToken);
        }
        catch (InvalidContinuationTokenException exception)
        {
            return Failure.Invalid("continuationToken", exception.Message);
        }

        var now = clock.GetUtcNow();
        return new Page<AmendmentQueueItem>(
            [.. page.Items.Select(e => new AmendmentQueueItem(e, (int)Math.Floor((e.DueAt - now).TotalDays), now > e.DueAt))], page.ContinuationToken);
    }
}
