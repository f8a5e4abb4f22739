using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Prescriptions;

/// <summary>An open request in the staff's queue, with how long it has waited against the clinic's target.</summary>
/// <param name="Entry">The queue's entry.</param>
/// <param name="WaitingHours">Hours since it was received.</param>
/// <param name="BusinessDaysWaiting">The clinic's business days that began since the day it was received.</param>
/// <param name="TargetBusinessDays">The clinic's target.</param>
/// <param name="Overdue">True once the target has passed.</param>
public sealed record RefillQueueItem(RefillQueueEntry Entry, int WaitingHours, int BusinessDaysWaiting, int TargetBusinessDays, bool Overdue);

/// <summary>
/// Use case: the open refill requests of every patient, oldest first, with their waiting time against the clinic's
/// target (business days in the clinic's zone). For clinicians, who decide them, and the front desk, who answer the
/// phone about them; the queue names no drug, so it is not audited per patient (opening a request is).
/// </summary>
public sealed class RefillQueue(IRefillRequests requests, RefillCalendar calendar, TimeProvider clock)
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>One page; 400 for a bad page size or token, 403 for anyone else.</summary>
    public async Task<Result<Page<RefillQueueItem>>> ExecuteAsync(Caller caller, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            return Failure.Invalid("pageSize", $"Between 1 and {MaxPageSize}.");
        }

        if (AccessPolicy.DecideWorkQueue(caller, DataCategory.Prescriptions) != AccessDecision.Allow)
        {
            return new Failure(FailureKind.Forbidden, "The refill queue is for the clinic's clinicians and front desk.");
        }

        Page<RefillQueueEntry> page;
        try
        {
            page = await requests.QueueAsync(pageSize, continuationToken, cancellationToken);
        }
        catch (InvalidContinuationTokenException exception)
        {
            return Failure.Invalid("continuationToken", exception.Message);
        }

        var (now, days, target) = (clock.GetUtcNow(), calendar.Calendar, calendar.Options.RefillTargetBusinessDays);
        return new Page<RefillQueueItem>(
            [.. page.Items.Select(e => new RefillQueueItem(e, (int)(now - e.RequestedAt).TotalHours, days.BusinessDaysBetween(e.RequestedAt, now), target, now >= e.DueAt))],
            page.ContinuationToken);
    }
}
