using Portal.Core.Common;
using Portal.Core.Files;

namespace Portal.Core.Messaging;

/// <summary>What a message may carry: up to five files, each a PDF, JPEG, PNG or HEIC photo of at most 10 MB.</summary>
public static class AttachmentRules
{
    /// <summary>The Blob container of message attachments (infra/ creates it).</summary>
    public const string Container = "attachments";

    /// <summary>The most attachments one message carries.</summary>
    public const int MaxPerMessage = 5;

    /// <summary>The largest attachment.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The most unsent uploads one person keeps in one chart at a time (two messages' worth).</summary>
    public const int MaxUnsent = 10;

    /// <summary>How long an upload waits to be sent before it is cleaned away.</summary>
    public static readonly TimeSpan UnsentLifetime = TimeSpan.FromHours(24);

    /// <summary>The formats accepted, judged by the bytes.</summary>
    public static readonly IReadOnlyList<FileFormat> Formats = [FileFormat.Pdf, FileFormat.Jpeg, FileFormat.Png, FileFormat.Heic];

    /// <summary>The blob of an attachment: <c>attachments/{patientId}/{attachmentId}</c>.</summary>
    public static FileLocation LocationOf(string patientId, string attachmentId) => new(Container, $"{patientId}/{attachmentId}");

    /// <summary>Checks the ids a message names: at most <see cref="MaxPerMessage"/>, none empty, none twice.</summary>
    public static FieldErrors RequireAttachments(this FieldErrors errors, IReadOnlyList<string>? attachmentIds)
    {
        if (attachmentIds is null)
        {
            return errors;
        }

        errors.Require(attachmentIds.Count <= MaxPerMessage, "attachments", $"At most {MaxPerMessage} attachments per message.");
        for (var i = 0; i < attachmentIds.Count; i++)
        {
            errors.Require(!string.IsNullOrWhiteSpace(attachmentIds[i]) && attachmentIds[i].Length <= 64, $"attachments[{i}]", "An attachment id from an upload.");
            errors.Require(attachmentIds.Take(i).All(earlier => earlier != attachmentIds[i]), $"attachments[{i}]", "This attachment is listed twice.");
        }

        return errors;
    }
}
