using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Messaging;

/// <summary>Use case: staff of the pool close a thread; it leaves the inbox until the patient writes again.</summary>
public sealed class CloseThread(ThreadWrites writes, TimeProvider clock)
{
    /// <summary>The closed thread; 403 for the patient's side or another pool's staff, 404.</summary>
    public Task<Result<ThreadView>> ExecuteAsync(Caller caller, string patientId, string threadId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return writes.ApplyAsync(caller, patientId, threadId, "close", staffOnly: true, (_, thread) =>
            (MessagingRules.Closed(thread, now), null), now, cancellationToken);
    }
}
