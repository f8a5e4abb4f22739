namespace Portal.Core.Files;

/// <summary>Stores the bytes of documents and attachments; the chart rows hold what they are.</summary>
public interface IFileStore
{
    /// <summary>How long a download link works: short, because anyone holding it can read the file.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Writes (or, on a retry, rewrites with the same bytes) the file at <paramref name="location"/>.</summary>
    Task SaveAsync(FileLocation location, ReadOnlyMemory<byte> content, FileFormat format, CancellationToken cancellationToken);

    /// <summary>A read-only link to the file valid for <see cref="LinkLifetime"/>, saved by the browser as <paramref name="fileName"/>.</summary>
    Task<DownloadLink> LinkAsync(FileLocation location, string fileName, string contentType, CancellationToken cancellationToken);

    /// <summary>Reads the whole file (exports and PDFs built from stored files); null when it is missing.</summary>
    Task<byte[]?> ReadAsync(FileLocation location, CancellationToken cancellationToken);

    /// <summary>Deletes the file if it exists.</summary>
    Task DeleteAsync(FileLocation location, CancellationToken cancellationToken);
}
