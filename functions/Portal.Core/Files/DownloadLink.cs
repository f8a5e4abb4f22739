namespace Portal.Core.Files;

/// <summary>A short-lived, read-only address of one stored file, for the browser to fetch directly.</summary>
/// <param name="Url">The address, with a signature that allows reading this file only until <paramref name="ExpiresAt"/>.</param>
/// <param name="ExpiresAt">When the address stops working.</param>
/// <param name="FileName">The name the download is saved under.</param>
/// <param name="ContentType">The file's media type.</param>
public sealed record DownloadLink(Uri Url, DateTimeOffset ExpiresAt, string FileName, string ContentType);
