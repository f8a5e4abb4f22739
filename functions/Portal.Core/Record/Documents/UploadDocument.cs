using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Files;
using Portal.Core.Identity;
using Portal.Core.Notifications;

namespace Portal.Core.Record.Documents;

/// <summary>
/// Use case: the care team adds a document (PDF, JPEG or PNG, judged by its bytes) to the patient's record. The bytes
/// go to the <c>documents</c> container first, then the item and the patient's new-document notice land in one record
/// write. With an Idempotency-Key a retry answers with the same document: the key is remembered first with the item's
/// id, so a retry after a failure writes the very same item (or finds it written).
/// </summary>
public sealed class UploadDocument(
    ChartAccess access,
    IHealthRecord record,
    IDocumentContent content,
    IRequestReplays replays,
    INoticeQueue notices,
    IOptions<ClinicOptions> clinic,
    TimeProvider clock,
    ILogger<UploadDocument> logger)
{
    private const string Operation = "document";

    /// <summary>The stored document; 400/413 for bad input, 403/404 per the policy (the patient's side may not upload), 409 for a reused key.</summary>
    public async Task<Result<RecordItem>> ExecuteAsync(
        Caller caller, string patientId, DocumentUpload upload, IncomingFile file, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var (errors, kind) = DocumentRules.Validate(upload);
        errors.Require(IdempotencyKeys.IsValidOrAbsent(idempotencyKey), IdempotencyKeys.Field, IdempotencyKeys.Rule);
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        var format = FileRules.Check(file, DocumentRules.Formats, DocumentRules.MaxBytes, "file");
        if (!format.Succeeded)
        {
            return format.Failure;
        }

        var visit = await access.OpenAsync(caller, patientId, Permission.Change(DataCategory.Records), $"patients/{patientId}/documents", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = RecordCallers.IsCareTeam(visit.Value)
            ? await UploadAsync(visit.Value, upload, kind, file, format.Value, idempotencyKey, cancellationToken)
            : new Failure(FailureKind.Forbidden, "Documents are added to the record by the care team.");
        await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    private async Task<Result<RecordItem>> UploadAsync(
        ChartVisit visit, DocumentUpload upload, DocumentKind kind, IncomingFile file, FileFormat format, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);
        var date = upload.Date ?? TimeZoneInfo.ConvertTime(now, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var clinicalDate = ClinicalTimes.ToInstant(date, zone)!.Value;

        var requestHash = IdempotencyKeys.Hash(new { visit.PatientId, upload, file.DeclaredType, Sha = Convert.ToHexStringLower(SHA256.HashData(file.Content.Span)) });
        var claimed = await replays.ClaimAsync(visit.Caller.Subject, Operation, idempotencyKey, requestHash, () => RecordItemIds.New(clinicalDate, null), now, cancellationToken);
        if (!claimed.Succeeded)
        {
            return claimed.Failure;
        }

        var (replay, retry) = claimed.Value;
        if (retry && await record.FindAsync(visit.PatientId, RecordSection.Documents, replay.ResourceId, cancellationToken) is { } earlier)
        {
            return earlier.Value;
        }

        if (upload.VisitId is not null && await record.FindAsync(visit.PatientId, RecordSection.Visits, upload.VisitId, cancellationToken) is null)
        {
            return Failure.Invalid("visitId", "There is no such visit in this record.");
        }

        var stored = await content.SaveAsync(visit.PatientId, file.Content, format.ContentType, cancellationToken);
        var document = new ChartDocument(
            upload.Title!.Trim(), kind, format.ContentType, stored.Size, stored.BlobName, date, RecordCallers.NameOf(visit), upload.Description?.Trim(), stored.Sha256, []);
        var item = new RecordItem(
            visit.PatientId, replay.ResourceId, clinicalDate, RecordStatus.Active, [], upload.Confidential, upload.VisitId, 1, replay.CreatedAt,
            visit.Caller.Subject, RecordCallers.NameOf(visit), new RecordContent(Document: document), []);

        // A confidential item sends no notice: the patient's contact details may be a parent's.
        var notice = upload.Confidential ? null : Notice.Create(visit.PatientId, NoticeKind.NewDocument, NoticeDetails.None, "/record/documents", now);
        try
        {
            await record.WriteAsync(new RecordWrite(visit.PatientId, "doc" + item.ItemId.Replace("-", "", StringComparison.Ordinal), [new RecordChange(null, null, item)], notice), cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // A concurrent retry of the same request got there first.
            var written = await record.FindAsync(visit.PatientId, RecordSection.Documents, item.ItemId, cancellationToken);
            if (written is null)
            {
                throw;
            }

            return written.Value;
        }

        if (notice is not null)
        {
            await notices.TryEnqueueAsync(notice, logger, cancellationToken);
        }

        return item;
    }
}
