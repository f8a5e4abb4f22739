using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Core.Messaging;

/// <summary>
/// Port: conversations in the patient's chart (the thread and its messages in one partition) and each pool's
/// inbox index, which every write keeps in step ("index first, then the chart").
/// </summary>
public interface IMessageThreads
{
    /// <summary>The thread with its ETag, or null. One point read.</summary>
    Task<Versioned<MessageThread>?> FindAsync(string patientId, string threadId, CancellationToken cancellationToken);

    /// <summary>Every thread of the patient (a chart holds few). One range query.</summary>
    Task<IReadOnlyList<MessageThread>> ListAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>The thread's messages, oldest first. One range query.</summary>
    Task<IReadOnlyList<ThreadMessage>> MessagesAsync(string patientId, string threadId, CancellationToken cancellationToken);

    /// <summary>One message, or null. One point read.</summary>
    Task<ThreadMessage?> FindMessageAsync(string patientId, string threadId, string messageId, CancellationToken cancellationToken);

    /// <summary>
    /// One page of all the patient's messages, thread by thread, oldest first within each (a token from another list is
    /// an <see cref="InvalidContinuationTokenException"/>). One range query.
    /// </summary>
    Task<Page<ThreadMessage>> MessagePageAsync(string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a new thread and its first messages: the inbox row (with an <see cref="InboxCheck"/>) first, then the
    /// chart in one transaction, then the check is removed (best effort); the chart transaction also
    /// takes the <paramref name="attachments"/> the messages list (each upload ETag-guarded, turned into a sent
    /// attachment). Idempotent for the same thread: the index row is upserted, and a thread already in the chart (or
    /// an upload taken meanwhile) is a <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    Task StartAsync(MessageThread thread, IReadOnlyList<ThreadMessage> messages, IReadOnlyList<Versioned<Attachment>> attachments, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a changed thread (ETag-guarded), its new message with the uploads it takes, and the notice it causes: the
    /// notice's pending row and the inbox rows (with an <see cref="InboxCheck"/>) first, then one chart transaction, then
    /// the check is removed (best effort). A stale ETag (the thread's or an upload's) is a <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    Task SaveAsync(
        MessageThread thread, string eTag, ThreadMessage? message, IReadOnlyList<Versioned<Attachment>> attachments, Notice? notice, CancellationToken cancellationToken);

    /// <summary>Stores read markers only (ETag-guarded; the inbox does not change).</summary>
    Task MarkReadAsync(MessageThread thread, string eTag, CancellationToken cancellationToken);

    /// <summary>One page of the pool's inbox: waiting threads, longest wait first, then answered open threads. One index partition.</summary>
    Task<Page<InboxEntry>> InboxAsync(string pool, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>The pool's unconfirmed writes due at <paramref name="now"/> (see <see cref="InboxCheck"/>), at most <paramref name="max"/>. One range query.</summary>
    Task<IReadOnlyList<InboxCheck>> UnconfirmedAsync(string pool, DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Recomputes the thread's inbox rows from the chart (none when the thread is not there), removing the due checks;
    /// false, changing nothing, while a write of the thread is under way (a check not yet due, or a row changed since
    /// it was read).
    /// </summary>
    Task<bool> ReconcileAsync(InboxCheck check, DateTimeOffset now, CancellationToken cancellationToken);
}
