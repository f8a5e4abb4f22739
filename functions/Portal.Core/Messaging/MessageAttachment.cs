namespace Portal.Core.Messaging;

/// <summary>An attachment as a message lists it.</summary>
/// <param name="AttachmentId">Its id: download it through the thread.</param>
/// <param name="FileName">The name it is saved under.</param>
/// <param name="ContentType">PDF, JPEG, PNG or HEIC.</param>
/// <param name="Size">Its length in bytes.</param>
public sealed record MessageAttachment(string AttachmentId, string FileName, string ContentType, long Size);
