using System.Text.Json;
using Azure.Storage.Queues;
using Portal.Core.Common;
using Portal.Core.Labs.Ingestion;

namespace Portal.Azure.Labs;

/// <summary>
/// Refused queued messages go to <c>lab-results-poison</c> as JSON (the reason, the description and the original text),
/// kept until someone removes them (no expiry), beside the messages the host poisons after repeated failures.
/// </summary>
internal sealed class QueueLabRejections(QueueServiceClient queues) : ILabRejections
{
    public const string QueueName = "lab-results-poison";

    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    public Task RecordAsync(LabRejection rejection, CancellationToken cancellationToken) =>
        queues.GetQueueClient(QueueName).SendMessageAsync(
            BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(rejection, PortalJson.Options)),
            timeToLive: NeverExpires,
            cancellationToken: cancellationToken);
}
