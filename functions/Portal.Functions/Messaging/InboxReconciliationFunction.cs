using Microsoft.Azure.Functions.Worker;
using Portal.Core.Messaging;

namespace Portal.Functions.Messaging;

/// <summary>Every five minutes: recomputes from the chart the inbox rows of thread writes that never confirmed (only due checks are read).</summary>
public sealed class InboxReconciliationFunction(ReconcileInbox reconcile)
{
    [Function("ReconcileInbox")]
    public Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        reconcile.ExecuteAsync(cancellationToken);
}
