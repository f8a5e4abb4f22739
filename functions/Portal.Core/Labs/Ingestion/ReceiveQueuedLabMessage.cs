using System.Text;

namespace Portal.Core.Labs.Ingestion;

/// <summary>
/// Use case: a message from the <c>lab-results</c> Storage queue. Stored through <see cref="IngestLabMessage"/>; a message
/// that can never be stored goes to the poison queue with its reason at once (retrying would refuse it again); a
/// transient failure throws, so the host retries it and, after <c>maxDequeueCount</c>, poisons it as it is.
/// </summary>
public sealed class ReceiveQueuedLabMessage(IngestLabMessage ingest, ILabRejections rejections, TimeProvider clock)
{
    /// <summary>The channel name recorded for this way in.</summary>
    public const string Channel = "storage-queue";

    /// <summary>Stores or rejects the message.</summary>
    public async Task<LabIngestOutcome> ExecuteAsync(string body, CancellationToken cancellationToken)
    {
        var content = LabQueueMessages.Decode(body);
        var outcome = await ingest.ExecuteAsync(new LabDelivery(content, null, Channel, LabDelivery.System(Channel)), cancellationToken);
        if (!outcome.Accepted && outcome.Refusal is { } refusal)
        {
            await rejections.RecordAsync(
                new LabRejection(Channel, refusal.Reason, refusal.Message, refusal.Location, refusal.MessageControlId, clock.GetUtcNow(), Encoding.UTF8.GetString(content)),
                cancellationToken);
        }

        return outcome;
    }
}
