namespace Portal.Core.Record;

/// <summary>Document media types and their magic bytes: a document is what its bytes say, not what its name or label says.</summary>
public static class DocumentTypes
{
    /// <summary>The largest document accepted (20 MB).</summary>
    public const long MaxBytes = 20L * 1000 * 1000;

    private static readonly IReadOnlyDictionary<string, byte[]> Magic = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = "%PDF-"u8.ToArray(),
        ["image/png"] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        ["image/jpeg"] = [0xFF, 0xD8, 0xFF],
    };

    /// <summary>The types a clinician may upload (and that the magic-byte check knows).</summary>
    public static IReadOnlyCollection<string> Checked => (IReadOnlyCollection<string>)Magic.Keys;

    /// <summary>The media type the bytes start like, or null when none of <see cref="Checked"/>.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        foreach (var (type, magic) in Magic)
        {
            if (bytes.StartsWith(magic))
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>
    /// True when the bytes may be stored as <paramref name="contentType"/>: a checked type must match its magic bytes;
    /// text types must not look like one of them.
    /// </summary>
    public static bool Matches(string contentType, ReadOnlySpan<byte> bytes)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        return Magic.ContainsKey(mediaType) ? string.Equals(Sniff(bytes), mediaType, StringComparison.OrdinalIgnoreCase) : Sniff(bytes) is null;
    }
}
