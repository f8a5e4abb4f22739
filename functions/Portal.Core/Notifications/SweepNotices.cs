namespace Portal.Core.Notifications;

/// <summary>
/// Use case: the sweep, every minute. Finds notices the queue never delivered (a crash between the commit and the
/// enqueue, a lost message, a deferral or back-off that is now due) and enqueues them again, each with a lease so
/// the next sweep does not enqueue it twice while it waits in the queue. Costs O(undispatched notices).
/// </summary>
public sealed class SweepNotices(INotices notices, INoticeQueue queue, TimeProvider clock)
{
    /// <summary>How long a notice swept into the queue has before the sweep takes it again.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>The most one run enqueues; the rest wait for the next minute.</summary>
    public const int MaxPerRun = 500;

    /// <summary>Enqueues what is due; returns how many.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await notices.DueAsync(now, MaxPerRun, cancellationToken);
        foreach (var reference in due)
        {
            await notices.DueAgainAsync(reference, now + Lease, cancellationToken);
            await queue.EnqueueAsync(reference, cancellationToken);
        }

        return due.Count;
    }
}
