using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Portal.Azure.Tables;
using Portal.Core.Record;

namespace Portal.Azure.Record;

/// <summary>Document bytes in the <c>documents</c> container, named <c>{patientId}/{sha256}</c>: the same bytes are stored once.</summary>
internal sealed class BlobDocumentContent(BlobServiceClient blobs) : IDocumentContent
{
    public const string Container = "documents";

    public async Task<StoredContent> SaveAsync(string patientId, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var name = $"{TableKeys.Encode(patientId)}/{sha}";
        var blob = blobs.GetBlobContainerClient(Container).GetBlobClient(name);
        try
        {
            await blob.UploadAsync(
                BinaryData.FromBytes(content),
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            // Already stored: the name is the content's hash, so it holds these very bytes.
        }

        return new StoredContent(name, content.Length, sha);
    }

    public async Task<Stream?> OpenReadAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var download = await blobs.GetBlobContainerClient(Container).GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken);
            return download.Value.Content;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }
}
