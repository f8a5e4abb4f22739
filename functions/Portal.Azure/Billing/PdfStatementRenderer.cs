using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Portal.Core.Billing;
using Portal.Core.Record.Export;

namespace Portal.Azure.Billing;

/// <summary>
/// A statement as a US Letter PDF (PDFsharp): the clinic, the patient's name and mailing address, the statement and
/// due dates, the amount due, each line since the previous statement (date, description, code, amount), the totals,
/// and where to pay without signing in. Long statements continue on further pages.
/// </summary>
internal sealed class PdfStatementRenderer : IStatementRenderer
{
    private const double Margin = 54;
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public byte[] Render(StatementDocument document)
    {
        SummaryFonts.EnsureInstalled();
        var statement = document.Statement;
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{document.ClinicName} statement {statement.StatementId}";
        pdf.Info.Creator = "PortalServerless";
        var title = new XFont(SummaryFonts.Family, 16, XFontStyleEx.Bold);
        var bold = new XFont(SummaryFonts.Family, 10, XFontStyleEx.Bold);
        var text = new XFont(SummaryFonts.Family, 10, XFontStyleEx.Regular);
        var small = new XFont(SummaryFonts.Family, 8, XFontStyleEx.Regular);

        var (page, graphics) = NewPage(pdf);
        var y = Margin;
        graphics.DrawString(document.ClinicName, title, XBrushes.Black, Margin, y);
        graphics.DrawString("Statement", title, XBrushes.Black, new XRect(0, y - 16, page.Width.Point - Margin, 20), XStringFormats.TopRight);
        y += 14;
        if (document.ClinicPhone.Length > 0)
        {
            graphics.DrawString($"Questions about your bill? Call {document.ClinicPhone}.", small, XBrushes.Black, Margin, y);
        }

        y += 28;
        foreach (var line in new[] { document.PatientName }.Concat(document.AddressLines).Where(l => l.Length > 0))
        {
            graphics.DrawString(line, text, XBrushes.Black, Margin, y);
            y += 13;
        }

        y += 12;
        Pair(graphics, "Statement date", statement.StatementDate.ToString("MMMM d, yyyy", English), text, bold, ref y);
        Pair(graphics, "Due date", statement.DueDate.ToString("MMMM d, yyyy", English), text, bold, ref y);
        Pair(graphics, "Amount due", statement.BalanceDue.ToString(), text, bold, ref y);
        y += 16;

        graphics.DrawString("Date", bold, XBrushes.Black, Margin, y);
        graphics.DrawString("Description", bold, XBrushes.Black, Margin + 80, y);
        graphics.DrawString("Code", bold, XBrushes.Black, Margin + 360, y);
        Right(graphics, "Amount", bold, page, y);
        y += 6;
        graphics.DrawLine(XPens.Black, Margin, y, page.Width.Point - Margin, y);
        y += 14;
        foreach (var entry in document.Lines)
        {
            if (y > page.Height.Point - Margin - 120)
            {
                graphics.Dispose();
                (page, graphics) = NewPage(pdf);
                y = Margin;
            }

            var date = (entry.ServiceDate ?? DateOnly.FromDateTime(entry.PostedAt.UtcDateTime)).ToString("MM/dd/yyyy", English);
            graphics.DrawString(date, text, XBrushes.Black, Margin, y);
            graphics.DrawString(Fit(graphics, entry.Description, text, 270), text, XBrushes.Black, Margin + 80, y);
            graphics.DrawString(entry.Code ?? "", text, XBrushes.Black, Margin + 360, y);
            Right(graphics, entry.Effect.ToString(), text, page, y);
            y += 14;
        }

        if (document.Lines.Count == 0)
        {
            graphics.DrawString("No new activity since your last statement.", text, XBrushes.Black, Margin + 80, y);
            y += 14;
        }

        graphics.DrawLine(XPens.Black, Margin, y - 8, page.Width.Point - Margin, y - 8);
        y += 8;
        foreach (var (label, amount) in new[]
        {
            ("Previous balance", statement.PreviousBalance),
            ("New charges", statement.Charges),
            ("Payments and credits", -statement.Credits),
            ("Balance due", statement.BalanceDue),
        })
        {
            graphics.DrawString(label, label == "Balance due" ? bold : text, XBrushes.Black, Margin + 300, y);
            Right(graphics, amount.ToString(), label == "Balance due" ? bold : text, page, y);
            y += 14;
        }

        if (document.PayUrl is { } payUrl)
        {
            y += 18;
            graphics.DrawString("Pay online, no sign-in needed:", bold, XBrushes.Black, Margin, y);
            graphics.DrawString(payUrl, small, XBrushes.Black, Margin, y + 13);
        }

        graphics.Dispose();
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static (PdfPage Page, XGraphics Graphics) NewPage(PdfDocument pdf)
    {
        var page = pdf.AddPage();
        page.Width = XUnit.FromPoint(612);
        page.Height = XUnit.FromPoint(792);
        return (page, XGraphics.FromPdfPage(page));
    }

    private static void Pair(XGraphics graphics, string label, string value, XFont text, XFont bold, ref double y)
    {
        graphics.DrawString(label, text, XBrushes.Black, Margin, y);
        graphics.DrawString(value, bold, XBrushes.Black, Margin + 110, y);
        y += 14;
    }

    private static void Right(XGraphics graphics, string value, XFont font, PdfPage page, double y) =>
        graphics.DrawString(value, font, XBrushes.Black, page.Width.Point - Margin - graphics.MeasureString(value, font).Width, y);

    private static string Fit(XGraphics graphics, string value, XFont font, double width)
    {
        if (graphics.MeasureString(value, font).Width <= width)
        {
            return value;
        }

        while (value.Length > 1 && graphics.MeasureString(value + "…", font).Width > width)
        {
            value = value[..^1];
        }

        return value + "…";
    }
}
