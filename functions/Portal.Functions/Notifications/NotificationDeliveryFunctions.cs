using Microsoft.Azure.Functions.Worker;
using Portal.Core.Notifications;

namespace Portal.Functions.Notifications;

/// <summary>
/// Delivering notices: the <c>notifications</c> queue wakes the dispatcher right after a change commits; the sweep
/// re-enqueues every minute what the queue missed. Poison after five failed deliveries (host.json).
/// </summary>
public sealed class NotificationDeliveryFunctions(DeliverNotice deliver, SweepNotices sweep)
{
    [Function("DeliverNotification")]
    public Task Deliver([QueueTrigger("notifications", Connection = "PortalStorage")] NoticeReference notice, CancellationToken cancellationToken) =>
        deliver.ExecuteAsync(notice, cancellationToken);

    [Function("SweepNotifications")]
    public Task Sweep([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.ExecuteAsync(cancellationToken);
}
