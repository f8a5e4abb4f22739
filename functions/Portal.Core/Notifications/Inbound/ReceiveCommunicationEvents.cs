using Microsoft.Extensions.Logging;

namespace Portal.Core.Notifications.Inbound;

/// <summary>
/// Use case: an Event Grid delivery from Communication Services. Each event is handled once: its id is recorded
/// first, a redelivery finds it and changes nothing, and a failure forgets it so Event Grid's retry handles it.
/// </summary>
public sealed class ReceiveCommunicationEvents(ReceiveText receiveText, IProcessedEvents processed, TimeProvider clock, ILogger<ReceiveCommunicationEvents> logger)
{
    /// <summary>Handles the events in order.</summary>
    /// <param name="events">The delivery's events (the handshake is answered before this).</param>
    /// <param name="deliveryReports">Where delivery reports go; null while no feature records them (they are ignored).</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    public async Task<CommunicationEventsReceipt> ExecuteAsync(
        IReadOnlyList<CommunicationEvent> events, IDeliveryReports? deliveryReports, CancellationToken cancellationToken)
    {
        var (handled, duplicates, ignored) = (0, 0, 0);
        foreach (var item in events)
        {
            if (item is ValidationRequested or OtherEvent || item is DeliveryReported && deliveryReports is null)
            {
                logger.LogInformation("Communication event {EventId} ({Kind}) ignored", item.Id, item.GetType().Name);
                ignored++;
                continue;
            }

            // A redelivery repeats the event's time, so its record is found on the same day; without one, today's.
            var eventTime = item.EventTime ?? clock.GetUtcNow();
            if (!await processed.TryBeginAsync(item.Id, eventTime, cancellationToken))
            {
                duplicates++;
                continue;
            }

            try
            {
                await HandleAsync(item, deliveryReports, cancellationToken);
                handled++;
            }
            catch
            {
                await processed.ForgetAsync(item.Id, eventTime, CancellationToken.None);
                throw;
            }
        }

        return new CommunicationEventsReceipt(handled, duplicates, ignored);
    }

    private async Task HandleAsync(CommunicationEvent item, IDeliveryReports? deliveryReports, CancellationToken cancellationToken)
    {
        if (item is TextReceived received)
        {
            var outcome = await receiveText.ExecuteAsync(received.Text, cancellationToken);
            logger.LogInformation("Inbound text {MessageId}: {Outcome}", received.Text.MessageId, outcome);
        }
        else if (item is DeliveryReported reported)
        {
            await deliveryReports!.RecordAsync(reported.Report, cancellationToken);
        }
    }
}
