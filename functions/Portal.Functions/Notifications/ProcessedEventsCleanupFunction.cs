using Microsoft.Azure.Functions.Worker;
using Portal.Core.Notifications.Inbound;

namespace Portal.Functions.Notifications;

/// <summary>Every night: forgets the Event Grid event records older than a few days (whole days, only the due ones are read).</summary>
public sealed class ProcessedEventsCleanupFunction(ForgetProcessedEvents forget)
{
    [Function("ForgetProcessedEvents")]
    public Task Run([TimerTrigger("0 40 3 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        forget.ExecuteAsync(cancellationToken);
}
