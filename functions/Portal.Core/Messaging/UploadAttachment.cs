using System.Security.Cryptography;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Files;
using Portal.Core.Identity;

namespace Portal.Core.Messaging;

/// <summary>
/// Use case: the patient's side or the care team uploads one file for a message they are about to write. The bytes
/// decide the type (PDF, JPEG, PNG, HEIC; at most 10 MB); the upload is the uploader's alone and expires unsent after
/// a day. Stored expiry first, then the blob, then the chart row, so a failure at any point leaves nothing the
/// cleanup cannot find. With an Idempotency-Key a retry answers with the same upload.
/// </summary>
public sealed class UploadAttachment(IAttachments attachments, IFileStore files, ChartAccess access, IRequestReplays replays, TimeProvider clock)
{
    private const string Operation = "attachment";

    /// <summary>The stored upload; 400 (type, empty, key), 413, 404/403 per the policy, 409 for a reused key or too many unsent uploads.</summary>
    public async Task<Result<Attachment>> ExecuteAsync(Caller caller, string patientId, IncomingFile file, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (!IdempotencyKeys.IsValidOrAbsent(idempotencyKey))
        {
            return Failure.Invalid(IdempotencyKeys.Field, IdempotencyKeys.Rule);
        }

        var format = FileRules.Check(file, [.. AttachmentRules.Formats], AttachmentRules.MaxBytes, "file");
        if (!format.Succeeded)
        {
            return format.Failure;
        }

        var visit = await access.OpenAsync(caller, patientId, Permission.Change(DataCategory.Messages), $"patients/{patientId}/attachments", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = await StoreAsync(visit.Value, file, format.Value, idempotencyKey, cancellationToken);
        await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    private async Task<Result<Attachment>> StoreAsync(ChartVisit visit, IncomingFile file, FileFormat format, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var subject = visit.Caller.Subject;
        var requestHash = IdempotencyKeys.Hash(new { visit.PatientId, file.FileName, format.ContentType, Content = Convert.ToHexStringLower(SHA256.HashData(file.Content.Span)) });
        var replay = idempotencyKey is null ? null : await replays.FindAsync(subject, Operation, idempotencyKey, cancellationToken);
        if (replay is not null && replay.IsLive(now))
        {
            if (replay.RequestHash != requestHash)
            {
                return new Failure(FailureKind.Conflict, "This Idempotency-Key was used for a different request.");
            }

            // The same upload, unsent or sent meanwhile: never written again, so a sent one cannot become unsent.
            if ((await attachments.FindUploadAsync(visit.PatientId, replay.ResourceId, cancellationToken))?.Value is { } earlier)
            {
                return earlier;
            }

            if (await attachments.FindSentAsync(visit.PatientId, replay.ResourceId, cancellationToken) is { } sent)
            {
                return sent;
            }
        }
        else
        {
            if (await attachments.CountUnsentAsync(visit.PatientId, subject, now, cancellationToken) >= AttachmentRules.MaxUnsent)
            {
                return new Failure(FailureKind.Conflict, $"You have {AttachmentRules.MaxUnsent} attachments waiting to be sent for this patient: send them with a message, or wait a day for them to expire.");
            }

            replay = new RequestReplay(subject, Operation, idempotencyKey ?? "", requestHash, Guid.NewGuid().ToString("N"), now);
            if (idempotencyKey is not null)
            {
                await replays.SaveAsync(replay, cancellationToken);
            }
        }

        // Everything below follows from the replay, so a retry writes the very same blob and rows.
        var upload = new Attachment(
            visit.PatientId, replay.ResourceId, FileRules.DownloadName(file.FileName, format, "attachment"), format.ContentType, file.Content.Length,
            subject, visit.Caller.DisplayName ?? subject, replay.CreatedAt);
        await attachments.ExpireLaterAsync(AttachmentReference.Of(upload), cancellationToken);
        await files.SaveAsync(upload.Location, file.Content, format, cancellationToken);
        try
        {
            await attachments.SaveUploadAsync(upload, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // A retry of the same request got there first: the upload is the same.
        }

        return upload;
    }
}
