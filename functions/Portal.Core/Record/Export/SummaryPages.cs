using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Portal.Core.Record.Export;

/// <summary>Writes lines of text down US Letter pages, wrapping long lines at word breaks and starting a page when one is full.</summary>
internal sealed class SummaryPages : IDisposable
{
    private const double Margin = 54;
    private const double FooterSpace = 28;

    private readonly PdfDocument document;
    private XGraphics? graphics;
    private double y;

    public SummaryPages(PdfDocument document)
    {
        SummaryFonts.EnsureInstalled();
        this.document = document;
        NewPage();
    }

    public static XFont Font(double size, bool bold = false) => new(SummaryFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    private double Width => document.Pages[^1].Width.Point - (2 * Margin);

    private double Bottom => document.Pages[^1].Height.Point - Margin - FooterSpace;

    /// <summary>Writes the text at an indent, wrapped; <paramref name="after"/> points of space follow it.</summary>
    public void Write(string text, XFont font, double indent = 0, double after = 2, XBrush? brush = null)
    {
        foreach (var line in Wrap(text, font, Width - indent))
        {
            var height = font.GetHeight();
            if (y + height > Bottom)
            {
                NewPage();
            }

            graphics!.DrawString(line, font, brush ?? XBrushes.Black, new XRect(Margin + indent, y, Width - indent, height), XStringFormats.TopLeft);
            y += height;
        }

        y += after;
    }

    /// <summary>Starts a heading, on a new page when fewer than a few lines are left.</summary>
    public void Heading(string text)
    {
        if (y + 60 > Bottom)
        {
            NewPage();
        }

        y += 8;
        Write(text, Font(13, bold: true), after: 1);
        graphics!.DrawLine(new XPen(XColors.Gray, 0.5), Margin, y, Margin + Width, y);
        y += 5;
    }

    /// <summary>Writes "{left} · page n of m" at the foot of every page.</summary>
    public void Footers(string left)
    {
        graphics?.Dispose();
        graphics = null;
        var font = Font(8);
        for (var index = 0; index < document.PageCount; index++)
        {
            var page = document.Pages[index];
            using var foot = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            foot.DrawString($"{left} · page {index + 1} of {document.PageCount}", font, XBrushes.Gray,
                new XRect(Margin, page.Height.Point - Margin, page.Width.Point - (2 * Margin), font.GetHeight()), XStringFormats.TopLeft);
        }
    }

    public void Dispose() => graphics?.Dispose();

    private void NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.Letter;
        graphics = XGraphics.FromPdfPage(page);
        y = Margin;
    }

    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && graphics!.MeasureString(candidate, font).Width > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        yield return line;
    }
}
