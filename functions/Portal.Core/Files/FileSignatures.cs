using System.Text;

namespace Portal.Core.Files;

/// <summary>
/// Tells a file's type from its first bytes. The name and the declared content type are the sender's claim;
/// the bytes are what a viewer will parse, so they decide.
/// </summary>
public static class FileSignatures
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    // Major brands of HEIF still images and sequences (ISO/IEC 23008-12); AVIF ("avif") is not accepted.
    private static readonly HashSet<string> HeifBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"];

    /// <summary>The format whose signature <paramref name="head"/> starts with, or null for anything else.</summary>
    public static FileFormat? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(PdfMagic))
        {
            return FileFormat.Pdf;
        }

        if (head.StartsWith(PngMagic))
        {
            return FileFormat.Png;
        }

        if (head.StartsWith(JpegMagic))
        {
            return FileFormat.Jpeg;
        }

        // ISO-BMFF: a 4-byte box size, "ftyp", then the 4-byte major brand.
        if (head.Length >= FileFormat.SignatureLength && head[4..8].SequenceEqual("ftyp"u8)
            && HeifBrands.Contains(Encoding.ASCII.GetString(head[8..12])))
        {
            return FileFormat.Heic;
        }

        return null;
    }
}
