using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Core.Record;

/// <summary>
/// Item ids: <c>{inverted ticks of the clinical date, 19 digits}-{32 hex}</c>, so a section's rows sort newest first
/// (like notice ids). The hex part comes from the item's first source identifier when it has one, so retrying an
/// interrupted write produces the same ids; otherwise it is random. Ids are valid FHIR resource ids.
/// </summary>
public static class RecordItemIds
{
    /// <summary>A new item id.</summary>
    /// <param name="clinicalDate">The item's clinical date (the order key).</param>
    /// <param name="source">The sender's identifier, or null for an item written in the portal.</param>
    public static string New(DateTimeOffset clinicalDate, SourceIdentifier? source)
    {
        var inverted = OrderKey(clinicalDate);
        var tail = source is null
            ? Guid.NewGuid().ToString("N")
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source.ToString())))[..32];
        return $"{inverted}-{tail}";
    }

    /// <summary>
    /// The part of an id that orders it: 19 digits, smaller for later clinical dates. Every id with a clinical date at
    /// or after <paramref name="clinicalDate"/> sorts before <c>OrderKey(clinicalDate) + "."</c> ('.' follows '-').
    /// </summary>
    public static string OrderKey(DateTimeOffset clinicalDate) =>
        (DateTimeOffset.MaxValue.UtcTicks - clinicalDate.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>True for text shaped like an item id (checked before it is used as a key).</summary>
    public static bool IsValid(string? itemId) =>
        itemId is { Length: 52 } && itemId[19] == '-' && itemId[..19].All(char.IsAsciiDigit) && itemId[20..].All(char.IsAsciiHexDigitLower);
}
