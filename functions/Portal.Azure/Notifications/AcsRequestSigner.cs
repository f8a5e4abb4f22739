using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Azure.Notifications;

/// <summary>
/// HMAC-SHA256 request signing for Azure Communication Services with a connection string's access key:
/// <c>x-ms-date</c>, <c>x-ms-content-sha256</c> and an <c>Authorization</c> header over
/// <c>"{METHOD}\n{pathAndQuery}\n{date};{host};{contentHash}"</c>.
/// </summary>
internal static class AcsRequestSigner
{
    /// <summary>The three headers to send with the request.</summary>
    public sealed record Signature(string Date, string ContentHash, string Authorization);

    /// <param name="method">Upper-case HTTP method.</param>
    /// <param name="uri">The request's full URI (host and path and query are signed).</param>
    /// <param name="body">The exact body bytes (empty when there is none: its hash is signed too).</param>
    /// <param name="now">The request time; the service refuses requests far from its clock.</param>
    /// <param name="accessKey">The base64 access key from the connection string.</param>
    public static Signature Sign(string method, Uri uri, ReadOnlySpan<byte> body, DateTimeOffset now, string accessKey)
    {
        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        var date = now.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);
        var stringToSign = $"{method}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}";
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(accessKey), Encoding.ASCII.GetBytes(stringToSign)));
        return new Signature(date, contentHash, $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
    }
}
