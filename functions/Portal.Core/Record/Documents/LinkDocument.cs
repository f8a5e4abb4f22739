using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Files;
using Portal.Core.Identity;

namespace Portal.Core.Record.Documents;

/// <summary>
/// Use case: a five-minute read-only link to a document's bytes (docs/DECISIONS.md, "Downloads"), audited as a read of
/// the record. A caregiver never gets a confidential document: for them it does not exist.
/// </summary>
public sealed class LinkDocument(ChartAccess access, IHealthRecord record, IFileStore files)
{
    /// <summary>The link; 403/404 per the policy, 404 for a document the caller may not see or that is not there.</summary>
    public async Task<Result<DownloadLink>> ExecuteAsync(Caller caller, string patientId, string documentId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Records), $"patients/{patientId}/documents/{documentId}/content", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var found = await record.FindAsync(patientId, RecordSection.Documents, documentId, cancellationToken);
        if (found?.Value is not { Content.Document: { } document } item || !RecordVisibility.MaySee(visit.Value, item))
        {
            await access.RecordAsync(visit.Value, AuditOutcome.Failed, cancellationToken);
            return Failure.NotFound("The document");
        }

        var name = FileRules.DownloadName(document.Title, DocumentFiles.FormatOf(document.ContentType), "document");
        var link = await files.LinkAsync(DocumentFiles.Location(document), name, document.ContentType, cancellationToken);
        await access.RecordAsync(visit.Value, AuditOutcome.Success, cancellationToken);
        return link;
    }
}
