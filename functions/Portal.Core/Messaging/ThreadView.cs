namespace Portal.Core.Messaging;

/// <summary>A thread as one reader sees it.</summary>
/// <param name="Thread">The thread.</param>
/// <param name="Pool">Its pool.</param>
/// <param name="Unread">Messages the reader has not seen.</param>
/// <param name="Messages">The messages, oldest first (empty in lists).</param>
public sealed record ThreadView(MessageThread Thread, MessagePool Pool, int Unread, IReadOnlyList<ThreadMessage> Messages);
