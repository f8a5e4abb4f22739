namespace Portal.Core.Messaging;

/// <summary>One message of a conversation; messages are only ever added, never changed.</summary>
/// <param name="ThreadId">The conversation.</param>
/// <param name="MessageId">Unique in the thread; sorts oldest first.</param>
/// <param name="AuthorKind">Patient, caregiver, care team or automatic.</param>
/// <param name="AuthorSubject">The author's sign-in subject (empty for the automatic reply).</param>
/// <param name="AuthorName">The author's name as shown in the thread.</param>
/// <param name="OnBehalfOf">The patient a caregiver wrote for; null otherwise.</param>
/// <param name="Text">The message.</param>
/// <param name="SentAt">When it was written.</param>
/// <param name="Attachments">The files sent with it (at most five), or null for none.</param>
public sealed record ThreadMessage(
    string ThreadId,
    string MessageId,
    MessageAuthorKind AuthorKind,
    string AuthorSubject,
    string AuthorName,
    string? OnBehalfOf,
    string Text,
    DateTimeOffset SentAt,
    IReadOnlyList<MessageAttachment>? Attachments = null);
