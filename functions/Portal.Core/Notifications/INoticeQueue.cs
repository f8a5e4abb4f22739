namespace Portal.Core.Notifications;

/// <summary>Port: the <c>notifications</c> queue that wakes the dispatcher. Best effort: the sweep finds what it misses.</summary>
public interface INoticeQueue
{
    /// <summary>Asks for the notice to be delivered now.</summary>
    Task EnqueueAsync(NoticeReference reference, CancellationToken cancellationToken);
}
