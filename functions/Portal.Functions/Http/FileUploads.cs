using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Portal.Core.Common;
using Portal.Core.Files;

namespace Portal.Functions.Http;

/// <summary>
/// Reads an uploaded file sent as the raw request body: the media type in <c>Content-Type</c>, the name in
/// <c>?fileName=</c> or a <c>Content-Disposition</c> header. The bytes are read whole but never past the limit,
/// so an oversized upload costs at most the limit in memory. The type is checked later, from the bytes.
/// </summary>
public static class FileUploads
{
    /// <summary>The file, or 413 when it is larger than <paramref name="maxBytes"/>, or 400 without a media type.</summary>
    public static async Task<Result<IncomingFile>> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.ContentType))
        {
            return Failure.Invalid("Content-Type", "Send the file's media type, e.g. application/pdf.");
        }

        if (request.ContentLength > maxBytes)
        {
            return FileRules.TooLarge(maxBytes);
        }

        using var content = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (content.Length + read > maxBytes)
            {
                return FileRules.TooLarge(maxBytes);
            }

            content.Write(buffer, 0, read);
        }

        return new IncomingFile(FileName(request), request.ContentType, content.ToArray());
    }

    private static string FileName(HttpRequest request)
    {
        var fromQuery = request.Query["fileName"].ToString();
        if (!string.IsNullOrWhiteSpace(fromQuery))
        {
            return fromQuery;
        }

        return ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)
            ? (disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value) ?? ""
            : "";
    }
}
