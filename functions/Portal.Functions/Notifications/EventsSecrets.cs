using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Portal.Functions.Notifications;

/// <summary>
/// The shared secret Event Grid sends in the webhook's <c>secret</c> query parameter
/// (<c>Communication:EventsSecret</c>; during a rotation also <c>Communication:EventsSecretPrevious</c>).
/// Compared in constant time over SHA-256 digests, so neither the content nor the length leaks.
/// With no secret configured every delivery is refused.
/// </summary>
public sealed class EventsSecrets
{
    /// <summary>The query parameter that carries the secret.</summary>
    public const string QueryParameter = "secret";

    private readonly byte[][] accepted;

    /// <summary>Reads the current and the previous secret.</summary>
    public EventsSecrets(IConfiguration configuration) =>
        accepted = [.. new[] { configuration["Communication:EventsSecret"], configuration["Communication:EventsSecretPrevious"] }
            .Where(secret => !string.IsNullOrEmpty(secret))
            .Select(secret => SHA256.HashData(Encoding.UTF8.GetBytes(secret!)))];

    /// <summary>True when at least one secret is configured.</summary>
    public bool IsConfigured => accepted.Length > 0;

    /// <summary>True when <paramref name="presented"/> is one of the accepted secrets.</summary>
    public bool Accepts(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var match = false;
        foreach (var secret in accepted)
        {
            match |= CryptographicOperations.FixedTimeEquals(secret, digest);
        }

        return match;
    }
}
