using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Messaging;

/// <summary>Use case: a conversation's messages; reading marks them read for the caller only (not for the patient when a caregiver reads).</summary>
public sealed class ReadThread(IMessageThreads threads, ThreadAccess access, MessagePools pools)
{
    private const int MarkAttempts = 3;

    /// <summary>The thread and its messages, oldest first; unread is what the caller had not seen before this read.</summary>
    public async Task<Result<ThreadView>> ExecuteAsync(Caller caller, string patientId, string threadId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Messages), $"patients/{patientId}/threads/{threadId}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var found = await access.FindAsync(visit.Value, threadId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var messages = await threads.MessagesAsync(patientId, threadId, cancellationToken);
        var thread = found.Value;
        var unread = thread.Value.UnreadFor(caller.Subject);
        for (var attempt = 1; unread > 0 && attempt <= MarkAttempts; attempt++)
        {
            try
            {
                // Only what this answer shows counts as read: a reply that lands meanwhile stays unread.
                await threads.MarkReadAsync(thread.Value.SeenBy(caller.Subject, messages.Count), thread.ETag, cancellationToken);
                break;
            }
            catch (ConcurrencyConflictException)
            {
                // The thread changed meanwhile: mark on the fresh one (read markers are best effort).
                thread = await threads.FindAsync(patientId, threadId, cancellationToken) ?? thread;
            }
        }

        await access.RecordAsync(visit.Value, true, cancellationToken);
        return new ThreadView(thread.Value, pools.Find(thread.Value.Pool)!, unread, messages);
    }
}
