using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Messaging;

/// <summary>
/// Use case: a message in a conversation, from the patient's side (reopens a closed thread, back into the inbox)
/// or from the pool's staff (answers the wait and tells the patient with a new-message notice).
/// </summary>
public sealed class ReplyToThread(ThreadWrites writes, TimeProvider clock)
{
    /// <summary>The thread after the reply, with the new message; 400/403/404.</summary>
    /// <param name="caller">Who writes.</param>
    /// <param name="patientId">Whose chart.</param>
    /// <param name="threadId">The conversation.</param>
    /// <param name="text">The message.</param>
    /// <param name="attachmentIds">The caller's unsent uploads to send with it (at most five), or null.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public Task<Result<ThreadView>> ExecuteAsync(
        Caller caller, string patientId, string threadId, string? text, IReadOnlyList<string>? attachmentIds, CancellationToken cancellationToken)
    {
        if (MessagingRules.ValidateReply(text).RequireAttachments(attachmentIds).ToFailure() is { } invalid)
        {
            return Task.FromResult<Result<ThreadView>>(invalid);
        }

        var now = clock.GetUtcNow();
        return writes.ApplyAsync(caller, patientId, threadId, "messages", staffOnly: false, (visit, thread) =>
        {
            var message = ThreadAccess.Message(visit, threadId, text!, now, thread.MessageCount);
            return (MessagingRules.After(thread, message), message);
        }, now, cancellationToken, attachmentIds);
    }
}
