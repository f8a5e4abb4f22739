using System.Text.Json;
using Azure.Storage.Queues;
using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Azure.Notifications;

/// <summary>The <c>notifications</c> Storage queue, base64-encoded JSON as the Functions queue trigger reads it.</summary>
internal sealed class QueueNotices(QueueClient queue) : INoticeQueue
{
    public const string QueueName = "notifications";

    public Task EnqueueAsync(NoticeReference reference, CancellationToken cancellationToken) =>
        queue.SendMessageAsync(BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(reference, PortalJson.Options)), cancellationToken: cancellationToken);
}
