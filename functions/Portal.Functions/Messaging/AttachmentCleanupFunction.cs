using Microsoft.Azure.Functions.Worker;
using Portal.Core.Messaging;

namespace Portal.Functions.Messaging;

/// <summary>Every hour: deletes uploads nobody sent within a day (only the due rows of the expiry index are read).</summary>
public sealed class AttachmentCleanupFunction(ExpireAttachments expire)
{
    [Function("ExpireAttachments")]
    public Task Run([TimerTrigger("0 17 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        expire.ExecuteAsync(cancellationToken);
}
