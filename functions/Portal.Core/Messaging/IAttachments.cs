using Portal.Core.Common;

namespace Portal.Core.Messaging;

/// <summary>
/// Port: attachments in the patient's chart, unsent (<c>upload|{id}</c>) or sent (<c>attachment|{id}</c>; the
/// message's own transaction turns one into the other), and the expiry index the cleanup reads (only what is due).
/// </summary>
public interface IAttachments
{
    /// <summary>
    /// Remembers when an upload expires, before anything else of it is stored: an upload that fails half-way is
    /// still found and cleaned. Idempotent.
    /// </summary>
    Task ExpireLaterAsync(AttachmentReference reference, CancellationToken cancellationToken);

    /// <summary>Writes the unsent upload's chart row; a row already there (a retry) is a <see cref="ConcurrencyConflictException"/>.</summary>
    Task SaveUploadAsync(Attachment upload, CancellationToken cancellationToken);

    /// <summary>An unsent upload with its ETag, or null. One point read.</summary>
    Task<Versioned<Attachment>?> FindUploadAsync(string patientId, string attachmentId, CancellationToken cancellationToken);

    /// <summary>A sent attachment, or null. One point read.</summary>
    Task<Attachment?> FindSentAsync(string patientId, string attachmentId, CancellationToken cancellationToken);

    /// <summary>How many unsent uploads <paramref name="subject"/> keeps in the chart that have not expired at <paramref name="now"/>. One range query.</summary>
    Task<int> CountUnsentAsync(string patientId, string subject, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Uploads whose expiry is due at <paramref name="now"/>, at most <paramref name="max"/>. One index query.</summary>
    Task<IReadOnlyList<AttachmentReference>> ExpiredAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Deletes an unsent upload's row if it is still <paramref name="eTag"/>; a message that took it meanwhile is a <see cref="ConcurrencyConflictException"/>.</summary>
    Task DropUploadAsync(AttachmentReference reference, string eTag, CancellationToken cancellationToken);

    /// <summary>Removes the upload from the expiry index (cleaned, or sent).</summary>
    Task ForgetExpiryAsync(AttachmentReference reference, CancellationToken cancellationToken);
}
