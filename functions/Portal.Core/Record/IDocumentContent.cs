namespace Portal.Core.Record;

/// <summary>
/// The bytes of documents, in the <c>documents</c> blob container under the patient's folder, stored through the one
/// file store (<see cref="Files.IFileStore"/>: read them with its <c>ReadAsync</c>, link them with its
/// <c>LinkAsync</c> at <see cref="Documents.DocumentFiles.Location"/>). The chart holds the metadata (<see cref="ChartDocument"/>);
/// the bytes are written first, so a failed chart write leaves at most an unreferenced blob, and the same bytes always
/// get the same name (a resend rewrites the same blob).
/// </summary>
public interface IDocumentContent
{
    /// <summary>Stores the bytes as <c>{patientId}/{sha256}</c> (idempotent) and says where.</summary>
    Task<StoredContent> SaveAsync(string patientId, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);
}

/// <summary>Where a document's bytes were stored.</summary>
/// <param name="BlobName">The blob's name in the <c>documents</c> container.</param>
/// <param name="Size">The length in bytes.</param>
/// <param name="Sha256">SHA-256 of the bytes, lower-case hex.</param>
public sealed record StoredContent(string BlobName, long Size, string Sha256);
