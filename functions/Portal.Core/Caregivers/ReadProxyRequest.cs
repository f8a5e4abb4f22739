using Portal.Core.Common;
using Portal.Core.Files;
using Portal.Core.Identity;

namespace Portal.Core.Caregivers;

/// <summary>Use cases: one request (its requester or a reviewer), and a short-lived link to one of its documents.</summary>
public sealed class ReadProxyRequest(IFileStore files, ProxyRequestAccess access)
{
    /// <summary>The request; 404 unless the caller filed it or reviews requests.</summary>
    public async Task<Result<ProxyRequest>> ExecuteAsync(Caller caller, string requestId, CancellationToken cancellationToken)
    {
        var opened = await access.OpenAsync(caller, requestId, "proxy-requests.read", $"proxy-requests/{requestId}", cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure;
        }

        await access.RecordAsync(opened.Value.Visit, true, cancellationToken);
        return opened.Value.Request.Value;
    }

    /// <summary>A download link for a document; 404 for an unknown one.</summary>
    public async Task<Result<DownloadLink>> DocumentAsync(Caller caller, string requestId, string documentId, CancellationToken cancellationToken)
    {
        var opened = await access.OpenAsync(caller, requestId, "proxy-requests.document.read", $"proxy-requests/{requestId}/documents/{documentId}", cancellationToken);
        if (!opened.Succeeded)
        {
            return opened.Failure;
        }

        var document = opened.Value.Request.Value.Documents.FirstOrDefault(d => d.DocumentId == documentId);
        Result<DownloadLink> outcome = document is null
            ? Failure.NotFound("The document")
            : await files.LinkAsync(ProxyRequestRules.Location(requestId, documentId), document.FileName, document.ContentType, cancellationToken);
        await access.RecordAsync(opened.Value.Visit, outcome.Succeeded, cancellationToken);
        return outcome;
    }
}
