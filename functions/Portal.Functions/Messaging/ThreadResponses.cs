using Portal.Core.Messaging;

namespace Portal.Functions.Messaging;

/// <summary>A conversation as listed: the pool, the state and the caller's unread count.</summary>
public sealed record ThreadSummary(
    string ThreadId, string PatientId, string Pool, string PoolName, string ResponseTime, string Subject, ThreadStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt, DateTimeOffset? WaitingSince, int MessageCount, int Unread, string? AssignedTo)
{
    internal static ThreadSummary From(ThreadView view) => new(
        view.Thread.ThreadId, view.Thread.PatientId, view.Pool.Id, view.Pool.DisplayName, view.Pool.ResponseTime, view.Thread.Subject, view.Thread.Status,
        view.Thread.CreatedAt, view.Thread.LastActivityAt, view.Thread.WaitingSince, view.Thread.MessageCount, view.Unread, view.Thread.AssignedTo);
}

/// <summary>One message: who wrote it (a caregiver "on behalf of" the patient), when, and the files sent with it.</summary>
public sealed record MessageEntry(
    string MessageId, MessageAuthorKind AuthorKind, string AuthorName, string? OnBehalfOf, string Text, DateTimeOffset SentAt, IReadOnlyList<MessageAttachment> Attachments)
{
    internal static MessageEntry From(ThreadMessage m) => new(m.MessageId, m.AuthorKind, m.AuthorName, m.OnBehalfOf, m.Text, m.SentAt, m.Attachments ?? []);
}

/// <summary>A conversation with its messages (oldest first); after a write, only the new messages.</summary>
public sealed record ThreadDetail(ThreadSummary Thread, IReadOnlyList<MessageEntry> Messages)
{
    internal static ThreadDetail From(ThreadView view) => new(ThreadSummary.From(view), [.. view.Messages.Select(MessageEntry.From)]);
}

/// <summary>One page of a patient's conversations, newest activity first.</summary>
public sealed record ThreadPage(IReadOnlyList<ThreadSummary> Items, string? ContinuationToken);

/// <summary>An open thread in a pool's inbox.</summary>
public sealed record InboxThread(
    string PatientId, string ThreadId, string Subject, DateTimeOffset? WaitingSince, int WaitingMinutes, DateTimeOffset? RespondBy, bool Overdue,
    DateTimeOffset LastActivityAt, string? AssignedTo)
{
    internal static InboxThread From(InboxItem item) => new(
        item.Entry.PatientId, item.Entry.ThreadId, item.Entry.Subject, item.Entry.WaitingSince, item.WaitingMinutes, item.RespondBy, item.Overdue,
        item.Entry.LastActivityAt, item.Entry.AssignedTo);
}

/// <summary>One page of a pool's inbox: waiting threads, longest wait first, then answered open threads.</summary>
public sealed record InboxPage(string Pool, string PoolName, string ResponseTime, IReadOnlyList<InboxThread> Items, string? ContinuationToken);

/// <summary>A reply in a conversation.</summary>
/// <param name="Message">The text (at most 4,000 characters).</param>
/// <param name="Attachments">Ids of your unsent uploads to send with it (at most five).</param>
public sealed record ThreadReply(string Message, IReadOnlyList<string>? Attachments = null);

/// <summary>Whom a thread is assigned to.</summary>
public sealed record ThreadAssignment(string Assignee);
