using Microsoft.Extensions.Logging;
using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Notifications;

namespace Portal.Core.Messaging;

/// <summary>
/// Changes a thread the one safe way: open the chart for writing, read the thread with its ETag, apply the change,
/// save (message insert + the uploads it takes + thread + notice in one chart transaction), and on a lost race read
/// again and reapply, so concurrent replies never lose a message and an upload is never sent twice. A notice is
/// enqueued after the commit, best effort.
/// </summary>
public sealed class ThreadWrites(
    IMessageThreads threads, ThreadAccess access, MessagePools pools, UnsentAttachments uploads, INoticeQueue notices, ILogger<ThreadWrites> logger)
{
    private const int Attempts = 5;

    /// <summary>What a change makes of the thread, and the message it adds, if any; or a failure.</summary>
    public delegate Result<(MessageThread Thread, ThreadMessage? Message)> Change(ChartVisit visit, MessageThread thread);

    /// <summary>
    /// Applies <paramref name="change"/>; <paramref name="staffOnly"/> refuses the patient's side with 403. The message
    /// the change adds carries the caller's uploads named by <paramref name="attachmentIds"/> (400 unless each is theirs).
    /// </summary>
    public async Task<Result<ThreadView>> ApplyAsync(
        Caller caller,
        string patientId,
        string threadId,
        string action,
        bool staffOnly,
        Change change,
        DateTimeOffset now,
        CancellationToken cancellationToken,
        IReadOnlyList<string>? attachmentIds = null)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Change(DataCategory.Messages), $"patients/{patientId}/threads/{threadId}/{action}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        if (staffOnly && ThreadAccess.AuthorKind(visit.Value) != MessageAuthorKind.CareTeam)
        {
            await access.RecordAsync(visit.Value, false, cancellationToken);
            return new Failure(FailureKind.Forbidden, "Only the care team may do this.");
        }

        // Staff messages tell the patient; the notice keeps its id across retries (its pending row is already written).
        var notice = ThreadAccess.AuthorKind(visit.Value) == MessageAuthorKind.CareTeam && action == "messages"
            ? Notice.Create(patientId, NoticeKind.NewMessage, NoticeDetails.None, $"/messages/{threadId}", now)
            : null;
        for (var attempt = 1; ; attempt++)
        {
            var found = await access.FindAsync(visit.Value, threadId, cancellationToken);
            if (!found.Succeeded)
            {
                return found.Failure;
            }

            var changed = change(visit.Value, found.Value.Value);
            if (!changed.Succeeded)
            {
                await access.RecordAsync(visit.Value, false, cancellationToken);
                return changed.Failure;
            }

            var taken = await uploads.ResolveAsync(visit.Value, attachmentIds, now, cancellationToken);
            if (!taken.Succeeded)
            {
                await access.RecordAsync(visit.Value, false, cancellationToken);
                return taken.Failure;
            }

            var (thread, message) = changed.Value;
            if (message is not null && taken.Value.Count > 0)
            {
                message = message with { Attachments = [.. taken.Value.Select(u => u.Value.Summary)] };
            }

            try
            {
                await threads.SaveAsync(thread, found.Value.ETag, message, taken.Value, notice, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                continue;
            }

            await access.RecordAsync(visit.Value, true, cancellationToken);
            if (notice is not null)
            {
                await notices.TryEnqueueAsync(notice, logger, cancellationToken);
            }

            return new ThreadView(thread, pools.Find(thread.Pool)!, thread.UnreadFor(caller.Subject), message is null ? [] : [message]);
        }
    }
}
