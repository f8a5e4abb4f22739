namespace Portal.Core.Messaging;

/// <summary>
/// Use case: every five minutes, heal the pools' inboxes after thread writes that wrote the index but never committed
/// the chart (and were not retried): the due unconfirmed writes of each pool (one query per pool, only what is due),
/// then, per thread, its inbox rows recomputed from the chart — none when the thread never landed. A thread with a
/// write still under way is left for a later run.
/// </summary>
public sealed class ReconcileInbox(IMessageThreads threads, MessagePools pools, TimeProvider clock)
{
    /// <summary>The most threads one run looks at per pool.</summary>
    public const int MaxPerPool = 200;

    /// <summary>Reconciles what is due; returns how many threads' rows were recomputed.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var healed = 0;
        foreach (var pool in pools.All)
        {
            foreach (var check in await threads.UnconfirmedAsync(pool.Id, now, MaxPerPool, cancellationToken))
            {
                if (await threads.ReconcileAsync(check, now, cancellationToken))
                {
                    healed++;
                }
            }
        }

        return healed;
    }
}
