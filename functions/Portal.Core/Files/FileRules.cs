using Portal.Core.Common;

namespace Portal.Core.Files;

/// <summary>The checks every uploaded file passes before a byte is stored.</summary>
public static class FileRules
{
    /// <summary>The longest download name kept; longer names are cut, keeping the extension.</summary>
    public const int MaxFileNameLength = 120;

    /// <summary>
    /// The file's format when it is non-empty, within <paramref name="maxBytes"/>, one of <paramref name="allowed"/>
    /// by its bytes, and its declared type agrees with them; otherwise a failure on <paramref name="field"/>.
    /// </summary>
    public static Result<FileFormat> Check(IncomingFile file, IReadOnlyCollection<FileFormat> allowed, long maxBytes, string field)
    {
        if (file.Content.IsEmpty)
        {
            return Failure.Invalid(field, "The file is empty.");
        }

        if (file.Content.Length > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        var format = FileSignatures.Detect(file.Content.Span[..Math.Min(file.Content.Length, FileFormat.SignatureLength)]);
        var names = string.Join(", ", allowed.Select(a => a.Extension.TrimStart('.').ToUpperInvariant()));
        if (format is null || !allowed.Contains(format))
        {
            return Failure.Invalid(field, $"The file's content is not one of the accepted types ({names}).");
        }

        var declared = file.DeclaredType.Split(';')[0].Trim();
        if (!string.Equals(declared, format.ContentType, StringComparison.OrdinalIgnoreCase)
            && !(format == FileFormat.Heic && string.Equals(declared, "image/heif", StringComparison.OrdinalIgnoreCase)))
        {
            return Failure.Invalid(field, $"The file was sent as {declared} but its content is {format.ContentType}.");
        }

        return format;
    }

    /// <summary>The 413 for a file over <paramref name="maxBytes"/>.</summary>
    public static Failure TooLarge(long maxBytes) => new(FailureKind.TooLarge, $"The file is larger than {maxBytes / (1024 * 1024)} MB.");

    /// <summary>A safe download name: no path, no control characters, the format's extension, at most <see cref="MaxFileNameLength"/> characters.</summary>
    public static string DownloadName(string? fileName, FileFormat format, string fallback)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not '"' and not '/' and not '\\').ToArray()).Trim();
        var stem = Path.GetFileNameWithoutExtension(name);
        if (string.IsNullOrWhiteSpace(stem))
        {
            stem = fallback;
        }

        stem = stem[..Math.Min(stem.Length, MaxFileNameLength - format.Extension.Length)];
        return stem + format.Extension;
    }
}
