using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Portal.Core.Record.Export;

namespace Portal.Core.Journal;

/// <summary>
/// The printable journal the patient's side sends the care team (US Letter, PDFsharp through the portal's one font
/// resolver): who, which days, then every entry oldest first with its time in the clinic's zone, marked as written by
/// the patient (or their caregiver), and the home measurements as numbers with units.
/// </summary>
public static class JournalPdf
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The PDF's bytes.</summary>
    /// <param name="patientName">The patient.</param>
    /// <param name="share">What is shared.</param>
    /// <param name="entries">The shared entries, any order.</param>
    /// <param name="note">The patient's line for the care team.</param>
    /// <param name="clinicName">The clinic.</param>
    /// <param name="zone">The clinic's time zone.</param>
    public static byte[] Write(string patientName, JournalShare share, IReadOnlyList<JournalEntry> entries, string? note, string clinicName, TimeZoneInfo zone)
    {
        var document = new PdfDocument();
        document.Info.Title = $"Health journal: {patientName}";
        document.Info.Author = share.SharedByName ?? patientName;
        document.Info.CreationDate = share.SharedAt.UtcDateTime;
        document.Info.ModificationDate = share.SharedAt.UtcDateTime;

        // The same share always gives the same bytes, so a retry's upload is the same upload.
        document.Internals.FirstDocumentID = share.ShareId[^32..].ToUpperInvariant();
        document.Internals.SecondDocumentID = share.ShareId[^32..].ToUpperInvariant();
        using (var pages = new SummaryPages(document))
        {
            pages.Write(clinicName, SummaryPages.Font(10), after: 2, brush: XBrushes.DimGray);
            pages.Write($"Health journal: {patientName}", SummaryPages.Font(18, bold: true), after: 4);
            pages.Write(
                $"{share.From.ToString("MMM d, yyyy", English)} to {share.Until.ToString("MMM d, yyyy", English)} · {entries.Count} entries · written by the patient{(share.ByCaregiver ? $"; shared by their caregiver {share.SharedByName}" : "")} · shared {Time(share.SharedAt, zone)}",
                SummaryPages.Font(10), after: 4);
            pages.Write("Patient-reported: not reviewed or verified by the clinic. Measurements were taken at home.", SummaryPages.Font(9), after: 6, brush: XBrushes.DimGray);
            if (!string.IsNullOrWhiteSpace(note))
            {
                pages.Heading("Note from the patient");
                pages.Write(note.Trim(), SummaryPages.Font(10), after: 4);
            }

            foreach (var day in entries.OrderBy(e => e.At).GroupBy(e => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.At, zone).DateTime)))
            {
                pages.Heading(day.Key.ToString("dddd, MMM d, yyyy", English));
                foreach (var entry in day)
                {
                    pages.Write($"{TimeZoneInfo.ConvertTime(entry.At, zone).ToString("h:mm tt", English)} · {JournalText.Describe(entry, spanish: false)}", SummaryPages.Font(10, bold: true), after: 1);
                    if (entry.Text is { } text)
                    {
                        pages.Write(text, SummaryPages.Font(10), indent: 12, after: 1);
                    }

                    var footnote = string.Join(" · ", new[] { entry.Tags.Count > 0 ? "Tags: " + string.Join(", ", entry.Tags) : null, entry.ByCaregiver ? $"Written by caregiver {entry.AuthorName}" : null }.OfType<string>());
                    if (footnote.Length > 0)
                    {
                        pages.Write(footnote, SummaryPages.Font(8), indent: 12, after: 1, brush: XBrushes.DimGray);
                    }

                    pages.Write("", SummaryPages.Font(4), after: 2);
                }
            }

            pages.Footers($"{clinicName} · health journal of {patientName} (patient-reported)");
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static string Time(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("MMM d, yyyy h:mm tt", English);
}
