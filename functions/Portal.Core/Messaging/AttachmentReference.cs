namespace Portal.Core.Messaging;

/// <summary>Which upload, and when it expires: what the expiry index holds.</summary>
/// <param name="PatientId">The chart.</param>
/// <param name="AttachmentId">The upload.</param>
/// <param name="ExpiresAt">When it expires (the index is ordered by it).</param>
public sealed record AttachmentReference(string PatientId, string AttachmentId, DateTimeOffset ExpiresAt)
{
    /// <summary>The reference of an upload.</summary>
    public static AttachmentReference Of(Attachment upload) => new(upload.PatientId, upload.AttachmentId, upload.ExpiresAt);
}
