using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Portal.Core.Billing;

/// <summary>
/// Pay-link tokens: the link's 128-bit id and its expiry, with an HMAC-SHA256 (the clinic's key, from Key Vault)
/// truncated to 128 bits, in URL-safe Base64. The statement id and the patient are not in it. A token that was not
/// made with the key, or that has expired, is refused without a storage read.
/// </summary>
public sealed class PayLinkTokens(IOptions<BillingOptions> billing)
{
    private const int IdBytes = 16;
    private const int MacBytes = 16;

    /// <summary>A new link id (32 hex digits).</summary>
    public static string NewLinkId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));

    /// <summary>The token of a link.</summary>
    public string TokenOf(PayLink link)
    {
        var payload = new byte[IdBytes + sizeof(long)];
        Convert.FromHexString(link.LinkId).CopyTo(payload, 0);
        BitConverter.TryWriteBytes(payload.AsSpan(IdBytes), link.ExpiresAt.ToUnixTimeSeconds());
        return Base64Url([.. payload, .. Mac(payload)]);
    }

    /// <summary>The link id and expiry a genuine token carries, or null for anything else (however malformed).</summary>
    public (string LinkId, DateTimeOffset ExpiresAt)? Read(string? token)
    {
        if (token is null || token.Length is < 40 or > 64)
        {
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/') + new string('=', (4 - (token.Length % 4)) % 4));
        }
        catch (FormatException)
        {
            return null;
        }

        // Only the one canonical spelling: the last character's unused bits may not vary.
        if (bytes.Length != IdBytes + sizeof(long) + MacBytes || Base64Url(bytes) != token)
        {
            return null;
        }

        var payload = bytes.AsSpan(0, IdBytes + sizeof(long)).ToArray();
        if (!CryptographicOperations.FixedTimeEquals(Mac(payload), bytes.AsSpan(payload.Length)))
        {
            return null;
        }

        return (Convert.ToHexStringLower(payload.AsSpan(0, IdBytes)), DateTimeOffset.FromUnixTimeSeconds(BitConverter.ToInt64(payload, IdBytes)));
    }

    private byte[] Mac(byte[] payload) => HMACSHA256.HashData(Convert.FromBase64String(billing.Value.PayLinkKey), payload)[..MacBytes];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
