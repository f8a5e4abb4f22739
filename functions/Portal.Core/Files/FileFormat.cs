namespace Portal.Core.Files;

/// <summary>A file type the portal accepts, known by its content type and its leading bytes.</summary>
/// <param name="ContentType">The media type sent back on download.</param>
/// <param name="Extension">The usual file-name extension, with the dot.</param>
public sealed record FileFormat(string ContentType, string Extension)
{
    /// <summary>PDF: <c>%PDF-</c>.</summary>
    public static readonly FileFormat Pdf = new("application/pdf", ".pdf");

    /// <summary>JPEG: <c>FF D8 FF</c>.</summary>
    public static readonly FileFormat Jpeg = new("image/jpeg", ".jpg");

    /// <summary>PNG: the eight-byte PNG signature.</summary>
    public static readonly FileFormat Png = new("image/png", ".png");

    /// <summary>HEIC/HEIF (iPhone photos): an ISO-BMFF <c>ftyp</c> box with a HEIF brand.</summary>
    public static readonly FileFormat Heic = new("image/heic", ".heic");

    /// <summary>How many leading bytes <see cref="FileSignatures.Detect"/> needs at most.</summary>
    public const int SignatureLength = 12;
}
