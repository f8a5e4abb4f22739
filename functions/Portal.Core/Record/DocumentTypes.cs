using Portal.Core.Files;

namespace Portal.Core.Record;

/// <summary>Document media types and their magic bytes: a document is what its bytes say, not what its name or label says.</summary>
public static class DocumentTypes
{
    /// <summary>The largest document accepted (20 MB).</summary>
    public const long MaxBytes = 20L * 1000 * 1000;

    private static readonly FileFormat[] Accepted = [FileFormat.Pdf, FileFormat.Png, FileFormat.Jpeg];

    /// <summary>The types a clinician may upload (and that the magic-byte check knows).</summary>
    public static IReadOnlyCollection<string> Checked { get; } = [.. Accepted.Select(f => f.ContentType)];

    /// <summary>The media type the bytes start like, or null when none of <see cref="Checked"/> (signatures: <see cref="FileSignatures"/>).</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes) =>
        FileSignatures.Detect(bytes[..Math.Min(bytes.Length, FileFormat.SignatureLength)]) is { } format && Accepted.Contains(format)
            ? format.ContentType
            : null;

    /// <summary>
    /// True when the bytes may be stored as <paramref name="contentType"/>: a checked type must match its magic bytes;
    /// text types must not look like one of them.
    /// </summary>
    public static bool Matches(string contentType, ReadOnlySpan<byte> bytes)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        return Checked.Contains(mediaType, StringComparer.OrdinalIgnoreCase) ? string.Equals(Sniff(bytes), mediaType, StringComparison.OrdinalIgnoreCase) : Sniff(bytes) is null;
    }
}
