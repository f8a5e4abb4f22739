using System.Reflection;
using PdfSharp.Fonts;

namespace Portal.Core.Record.Export;

/// <summary>
/// PDFsharp's fonts: it finds no system fonts on Linux (nor in Azure Functions), so every PDF the portal writes uses
/// DejaVu Sans Condensed, embedded in this assembly (licence: Record/Export/Fonts/LICENSE-DejaVu.txt). PDFsharp takes one
/// resolver per process, set before the first text is drawn: <see cref="EnsureInstalled"/> does it once.
/// </summary>
public sealed class SummaryFonts : IFontResolver
{
    /// <summary>The family every PDF asks for.</summary>
    public const string Family = "DejaVu Sans Condensed";

    private const string Regular = "DejaVuSansCondensed";
    private const string Bold = "DejaVuSansCondensed-Bold";

    private static readonly SummaryFonts Instance = new();
    private static readonly Lazy<bool> Installed = new(() =>
    {
        GlobalFontSettings.FontResolver = Instance;
        return true;
    });

    private SummaryFonts()
    {
    }

    /// <summary>Installs the resolver once per process (thread-safe).</summary>
    public static void EnsureInstalled() => _ = Installed.Value;

    /// <inheritdoc />
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    /// <inheritdoc />
    public byte[]? GetFont(string faceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Portal.Core.Record.Export.Fonts.{faceName}.ttf");
        if (stream is null)
        {
            return null;
        }

        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
