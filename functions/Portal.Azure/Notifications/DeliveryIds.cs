using System.Security.Cryptography;
using System.Text;

namespace Portal.Azure.Notifications;

/// <summary>
/// The provider-side idempotency ids (SMS <c>repeatabilityRequestId</c>, e-mail <c>Operation-Id</c>) are UUIDs
/// derived from the notice's delivery key, so every attempt for one notice carries the same id.
/// </summary>
internal static class DeliveryIds
{
    public static Guid From(string deliveryKey)
    {
        Span<byte> bytes = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"portal-notice:{deliveryKey}"), bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: custom, name-based
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes[..16], bigEndian: true);
    }
}
