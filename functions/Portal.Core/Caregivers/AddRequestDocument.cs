using Portal.Core.Common;
using Portal.Core.Files;
using Portal.Core.Identity;

namespace Portal.Core.Caregivers;

/// <summary>
/// Use case: the requester adds a supporting document (power of attorney, guardianship, birth certificate) while the
/// request is pending. Checked by its bytes like every upload; the bytes go first, then the row (a retry overwrites
/// the same blob); kept after the decision with the request.
/// </summary>
public sealed class AddRequestDocument(IProxyRequests requests, IFileStore files, ProxyRequestAccess access, TimeProvider clock)
{
    /// <summary>The document; 400/413 for the file, 404 unless it is the caller's own request, 409 once decided or full.</summary>
    public async Task<Result<RequestDocument>> ExecuteAsync(Caller caller, string requestId, string? kind, IncomingFile file, CancellationToken cancellationToken)
    {
        if (kind is null || !ProxyRequestRules.DocumentKinds.Contains(kind))
        {
            return Failure.Invalid("kind", $"One of {string.Join(", ", ProxyRequestRules.DocumentKinds)}.");
        }

        var format = FileRules.Check(file, ProxyRequestRules.Formats, ProxyRequestRules.MaxDocumentBytes, "file");
        if (!format.Succeeded)
        {
            return format.Failure;
        }

        var opened = await access.OpenAsync(caller, requestId, "proxy-requests.document.add", $"proxy-requests/{requestId}/documents", cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure;
        }

        var (found, visit) = opened.Value;
        var outcome = found.Value.RequesterSubject != caller.Subject
            ? new Failure(FailureKind.Forbidden, "Only the person who filed the request adds its documents.")
            : await AddAsync(found, kind, file, format.Value!, cancellationToken);
        await access.RecordAsync(visit, outcome.Succeeded, cancellationToken);
        return outcome;
    }

    private async Task<Result<RequestDocument>> AddAsync(Versioned<ProxyRequest> found, string kind, IncomingFile file, FileFormat format, CancellationToken cancellationToken)
    {
        if (found.Value.Decision is not null)
        {
            return new Failure(FailureKind.Conflict, "The request was decided; file a new one to send more documents.");
        }

        if (found.Value.Documents.Count >= ProxyRequestRules.MaxDocuments)
        {
            return new Failure(FailureKind.Conflict, $"A request holds at most {ProxyRequestRules.MaxDocuments} documents.");
        }

        var documentId = Guid.NewGuid().ToString("N");
        await files.SaveAsync(ProxyRequestRules.Location(found.Value.RequestId, documentId), file.Content, format, cancellationToken);
        var document = new RequestDocument(documentId, kind, FileRules.DownloadName(file.FileName, format, kind), format.ContentType, file.Content.Length, clock.GetUtcNow());
        try
        {
            await requests.UpdateAsync(found.Value with { Documents = [.. found.Value.Documents, document] }, found.ETag, cancellationToken);
            return document;
        }
        catch (ConcurrencyConflictException)
        {
            await files.DeleteAsync(ProxyRequestRules.Location(found.Value.RequestId, documentId), cancellationToken);
            return new Failure(FailureKind.Conflict, "The request changed meanwhile; send the document again.");
        }
    }
}
