using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Files;
using Portal.Core.Identity;

namespace Portal.Core.Messaging;

/// <summary>
/// Use case: a short-lived download link to an attachment of a message, for whoever may read the thread (the patient,
/// a caregiver with <c>messages.read</c>, the pool's staff). Audited as a read of the thread's attachment.
/// </summary>
public sealed class DownloadAttachment(IAttachments attachments, IFileStore files, ThreadAccess access)
{
    /// <summary>The link; 404 when the thread or the attachment is not there (or not in that thread), 403 per the policy and pool.</summary>
    public async Task<Result<DownloadLink>> ExecuteAsync(Caller caller, string patientId, string threadId, string attachmentId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(
            caller, patientId, Permission.Read(DataCategory.Messages), $"patients/{patientId}/threads/{threadId}/attachments/{attachmentId}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var thread = await access.FindAsync(visit.Value, threadId, cancellationToken);
        if (!thread.Succeeded)
        {
            return thread.Failure;
        }

        var attachment = await attachments.FindSentAsync(patientId, attachmentId, cancellationToken);
        if (attachment is null || attachment.ThreadId != threadId)
        {
            await access.RecordAsync(visit.Value, false, cancellationToken);
            return Failure.NotFound("The attachment");
        }

        var link = await files.LinkAsync(attachment.Location, attachment.FileName, attachment.ContentType, cancellationToken);
        await access.RecordAsync(visit.Value, true, cancellationToken);
        return link;
    }
}
