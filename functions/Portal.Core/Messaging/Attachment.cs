using Portal.Core.Files;

namespace Portal.Core.Messaging;

/// <summary>
/// A file in the patient's chart that belongs, or is about to belong, to a message: uploaded first (unsent, owned
/// by the uploader, expiring after <see cref="AttachmentRules.UnsentLifetime"/>), then sent with one message, in the
/// same transaction as the message. The bytes are the blob at <see cref="Location"/>.
/// </summary>
/// <param name="PatientId">Whose chart holds it.</param>
/// <param name="AttachmentId">Unique in the chart; the blob's name.</param>
/// <param name="FileName">The cleaned download name (never part of a storage key).</param>
/// <param name="ContentType">The media type its bytes proved to be.</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="UploadedBy">The uploader's sign-in subject: only they may send it.</param>
/// <param name="UploadedByName">The uploader's name, as shown.</param>
/// <param name="UploadedAt">When it was uploaded.</param>
/// <param name="ThreadId">The conversation it was sent in; null while unsent.</param>
/// <param name="MessageId">The message it was sent with; null while unsent.</param>
public sealed record Attachment(
    string PatientId,
    string AttachmentId,
    string FileName,
    string ContentType,
    long Size,
    string UploadedBy,
    string UploadedByName,
    DateTimeOffset UploadedAt,
    string? ThreadId = null,
    string? MessageId = null)
{
    /// <summary>When an unsent upload stops being usable and is cleaned away.</summary>
    public DateTimeOffset ExpiresAt => UploadedAt + AttachmentRules.UnsentLifetime;

    /// <summary>Where its bytes are.</summary>
    public FileLocation Location => AttachmentRules.LocationOf(PatientId, AttachmentId);

    /// <summary>What a message shows of it.</summary>
    public MessageAttachment Summary => new(AttachmentId, FileName, ContentType, Size);

    /// <summary>The attachment as sent with <paramref name="message"/>.</summary>
    public Attachment SentWith(ThreadMessage message) => this with { ThreadId = message.ThreadId, MessageId = message.MessageId };
}
