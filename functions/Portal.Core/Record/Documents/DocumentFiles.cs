using System.Security.Cryptography;
using Portal.Core.Files;

namespace Portal.Core.Record.Documents;

/// <summary>
/// Document bytes through the one file store: the <c>documents</c> container, blobs named <c>{patientId}/{sha256}</c>,
/// so the same bytes are one blob and a retried write rewrites the very same blob.
/// </summary>
public sealed class DocumentFiles(IFileStore files) : IDocumentContent
{
    /// <summary>The container of record documents.</summary>
    public const string Container = "documents";

    /// <summary>Where a document's bytes are.</summary>
    public static FileLocation Location(ChartDocument document) => new(Container, document.BlobName);

    /// <inheritdoc />
    public async Task<StoredContent> SaveAsync(string patientId, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var name = $"{Uri.EscapeDataString(patientId)}/{sha}";
        await files.SaveAsync(new FileLocation(Container, name), content, FormatOf(contentType), cancellationToken);
        return new StoredContent(name, content.Length, sha);
    }

    /// <summary>The accepted format with this media type, or one that carries it with no extension (FHIR attachments may be any type).</summary>
    public static FileFormat FormatOf(string contentType)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        return new[] { FileFormat.Pdf, FileFormat.Jpeg, FileFormat.Png, FileFormat.Heic }
            .FirstOrDefault(f => string.Equals(f.ContentType, mediaType, StringComparison.OrdinalIgnoreCase))
            ?? new FileFormat(mediaType, mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase) ? ".txt" : "");
    }
}
