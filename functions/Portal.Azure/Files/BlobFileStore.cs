using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Portal.Core.Files;

namespace Portal.Azure.Files;

/// <summary>
/// Files in Blob Storage, downloaded through short-lived read-only SAS links (docs/DECISIONS.md, "Downloads"):
/// signed with the account key when the app has one (Azurite), otherwise with a user delegation key from the
/// managed identity (Azure), which is fetched once and reused for many links.
/// </summary>
internal sealed class BlobFileStore(BlobServiceClient blobs, TimeProvider time) : IFileStore
{
    // Links start a little in the past so a browser on a clock running slightly behind can use them at once.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan DelegationKeyLifetime = TimeSpan.FromHours(24);

    private readonly SemaphoreSlim keyLock = new(1, 1);
    private UserDelegationKey? delegationKey;

    public async Task SaveAsync(FileLocation location, ReadOnlyMemory<byte> content, FileFormat format, CancellationToken cancellationToken)
    {
        var blob = blobs.GetBlobContainerClient(location.Container).GetBlobClient(location.Name);
        await blob.UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = format.ContentType } },
            cancellationToken);
    }

    public async Task<DownloadLink> LinkAsync(FileLocation location, string fileName, string contentType, CancellationToken cancellationToken)
    {
        var blob = blobs.GetBlobContainerClient(location.Container).GetBlobClient(location.Name);
        var now = time.GetUtcNow();
        // Whole seconds: the SAS carries no fractions, and the link should report the expiry it really has.
        var expiresAt = now + IFileStore.LinkLifetime;
        expiresAt = expiresAt.AddTicks(-(expiresAt.Ticks % TimeSpan.TicksPerSecond));
        var sas = new BlobSasBuilder
        {
            BlobContainerName = location.Container,
            BlobName = location.Name,
            Resource = "b",
            StartsOn = now - ClockSkew,
            ExpiresOn = expiresAt,
            ContentDisposition = ContentDisposition(fileName),
            ContentType = contentType,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        sas.SetPermissions(BlobSasPermissions.Read);

        Uri url;
        if (blob.CanGenerateSasUri)
        {
            url = blob.GenerateSasUri(sas);
        }
        else
        {
            var key = await DelegationKeyAsync(expiresAt, cancellationToken);
            url = new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, blobs.AccountName) }.ToUri();
        }

        return new DownloadLink(url, expiresAt, fileName, contentType);
    }

    public async Task<byte[]?> ReadAsync(FileLocation location, CancellationToken cancellationToken)
    {
        try
        {
            var content = await blobs.GetBlobContainerClient(location.Container).GetBlobClient(location.Name).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(FileLocation location, CancellationToken cancellationToken) =>
        await blobs.GetBlobContainerClient(location.Container).GetBlobClient(location.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    /// <summary><c>attachment</c> with an ASCII fallback name and the exact name in RFC 5987 form.</summary>
    internal static string ContentDisposition(string fileName)
    {
        var ascii = new string(fileName.Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_').ToArray());
        return $"attachment; filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }

    // One delegation key serves every link until it is within a link's lifetime of expiring.
    private async Task<UserDelegationKey> DelegationKeyAsync(DateTimeOffset linkExpiresAt, CancellationToken cancellationToken)
    {
        await keyLock.WaitAsync(cancellationToken);
        try
        {
            if (delegationKey is null || delegationKey.SignedExpiresOn <= linkExpiresAt)
            {
                var now = time.GetUtcNow();
                delegationKey = (await blobs.GetUserDelegationKeyAsync(now - ClockSkew, now + DelegationKeyLifetime, cancellationToken)).Value;
            }

            return delegationKey;
        }
        finally
        {
            keyLock.Release();
        }
    }
}
