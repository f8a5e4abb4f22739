using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Messaging;

namespace Portal.Azure.Messaging;

/// <summary>
/// How attachments are stored: in the patient's <c>Charts</c> partition <c>upload|{id}</c> while unsent (with
/// <c>UploadedBy</c> and <c>ExpiresAt</c> to count a person's unsent uploads), <c>attachment|{id}</c> once sent (with
/// <c>ThreadId</c>); and the expiry index in <c>Lookups</c> partition <c>upload-expiry</c>, RowKey
/// <c>{expires, ticks}|{patient}|{attachment}</c>, so the cleanup reads only what is due.
/// </summary>
internal static class AttachmentRows
{
    public const string UploadPrefix = "upload|";
    public const string SentPrefix = "attachment|";
    public const string ExpiryPartition = "upload-expiry";

    public static TableEntity Upload(Attachment upload) => new(TableKeys.Encode(upload.PatientId), UploadPrefix + TableKeys.Encode(upload.AttachmentId))
    {
        ["UploadedBy"] = upload.UploadedBy,
        ["ExpiresAt"] = upload.ExpiresAt,
        ["Data"] = JsonSerializer.Serialize(upload, PortalJson.Options),
    };

    public static TableEntity Sent(Attachment attachment) => new(TableKeys.Encode(attachment.PatientId), SentPrefix + TableKeys.Encode(attachment.AttachmentId))
    {
        ["ThreadId"] = attachment.ThreadId,
        ["Data"] = JsonSerializer.Serialize(attachment, PortalJson.Options),
    };

    public static TableEntity Expiry(AttachmentReference reference) => new(ExpiryPartition, ExpiryRow(reference))
    {
        ["PatientId"] = reference.PatientId,
        ["AttachmentId"] = reference.AttachmentId,
        ["ExpiresAt"] = reference.ExpiresAt,
    };

    public static string ExpiryRow(AttachmentReference reference) =>
        $"{Ticks(reference.ExpiresAt)}|{TableKeys.Encode(reference.PatientId)}|{TableKeys.Encode(reference.AttachmentId)}";

    public static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static Attachment Read(TableEntity entity) => JsonSerializer.Deserialize<Attachment>(entity.GetString("Data"), PortalJson.Options)!;

    /// <summary>
    /// The actions that send the uploads a message lists, in the message's own chart transaction: each unsent row is
    /// deleted if still unchanged (so two messages can never take one upload), and its sent row added.
    /// </summary>
    public static IEnumerable<TableTransactionAction> SendWith(ThreadMessage message, IReadOnlyList<Versioned<Attachment>> uploads) =>
        uploads.Where(u => message.Attachments?.Any(a => a.AttachmentId == u.Value.AttachmentId) == true)
            .SelectMany(u => new TableTransactionAction[]
            {
                new(TableTransactionActionType.Delete, Upload(u.Value), new ETag(u.ETag)),
                new(TableTransactionActionType.Add, Sent(u.Value.SentWith(message))),
            });
}
