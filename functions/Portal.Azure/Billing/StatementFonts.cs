using PdfSharp.Fonts;
using PdfSharp.WPFonts;

namespace Portal.Azure.Billing;

/// <summary>
/// The statement's typefaces: Segoe WP (regular and bold), shipped inside the PDFsharp package, so rendering needs no
/// fonts on the machine (Flex Consumption's Linux workers have none to speak of). Every family asked for maps to it.
/// </summary>
internal sealed class StatementFonts : IFontResolver
{
    public const string Family = "Segoe WP";
    private const string Regular = "SegoeWP";
    private const string Bold = "SegoeWP-Bold";
    private static readonly Lock Gate = new();
    private static bool installed;

    /// <summary>Makes these the process's fonts, once (PDFsharp's resolver is global).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!installed)
            {
                GlobalFontSettings.FontResolver ??= new StatementFonts();
                installed = true;
            }
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? Bold : Regular);

    public byte[] GetFont(string faceName) => faceName == Bold ? FontDataHelper.SegoeWPBold : FontDataHelper.SegoeWP;
}
