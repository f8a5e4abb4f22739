using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Portal.Core.Profile;

namespace Portal.Core.Record.Export;

/// <summary>
/// The printable summary of a record (US Letter, PDFsharp): a patient header, then allergies, active medications,
/// problems, immunizations, the latest vital sign of each kind, and the last visits. English; dates in the clinic's
/// time zone; items the reader may not see were left out before it is called.
/// </summary>
public static class RecordSummaryPdf
{
    /// <summary>How many visits the summary lists.</summary>
    public const int LastVisits = 3;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>The PDF's bytes.</summary>
    /// <param name="profile">The patient.</param>
    /// <param name="items">The record's items the reader may see, any order.</param>
    /// <param name="clinicName">Who prints it.</param>
    /// <param name="zone">The clinic's time zone.</param>
    /// <param name="now">When it is printed.</param>
    public static byte[] Write(PatientProfile profile, IReadOnlyList<RecordItem> items, string clinicName, TimeZoneInfo zone, DateTimeOffset now)
    {
        var document = new PdfDocument();
        document.Info.Title = $"Health summary: {profile.DisplayName}";
        document.Info.Author = clinicName;
        document.Info.CreationDate = now.UtcDateTime;
        using (var pages = new SummaryPages(document))
        {
            var current = items.Where(i => i.Status == RecordStatus.Active).OrderByDescending(i => i.ClinicalDate).ToList();
            pages.Write(clinicName, SummaryPages.Font(10), after: 2, brush: XBrushes.DimGray);
            pages.Write($"Health summary: {profile.DisplayName}", SummaryPages.Font(18, bold: true), after: 4);
            pages.Write(
                $"Date of birth {profile.BirthDate.ToString("MMM d, yyyy", English)} · MRN {profile.Mrn} · printed {TimeZoneInfo.ConvertTime(now, zone).ToString("MMM d, yyyy h:mm tt", English)}",
                SummaryPages.Font(10), after: 6);

            Section(pages, "Allergies", current, RecordSection.Allergies, AllergyLine);
            Section(pages, "Active medications", current, RecordSection.Medications, item => MedicationLine(item, zone));
            Section(pages, "Problems", current, RecordSection.Problems, item => ProblemLine(item, zone));
            Section(pages, "Immunizations", current, RecordSection.Immunizations, item => $"{item.Content.Immunization!.Vaccine} — {Date(item.Content.Immunization.Date, zone)}");
            Section(pages, "Recent vital signs", [.. current.Where(i => i.Section == RecordSection.Vitals).DistinctBy(i => i.Content.VitalSign!.Kind)],
                RecordSection.Vitals, item => VitalLine(item, zone));
            Visits(pages, [.. current.Where(i => i.Section == RecordSection.Visits && i.ClinicalDate <= now).Take(LastVisits)], zone);
            pages.Footers($"{clinicName} · health summary for {profile.DisplayName}");
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static void Section(SummaryPages pages, string title, IReadOnlyList<RecordItem> items, RecordSection section, Func<RecordItem, string> line)
    {
        pages.Heading(title);
        var shown = items.Where(i => i.Section == section).ToList();
        if (shown.Count == 0)
        {
            pages.Write("None on record.", SummaryPages.Font(10), indent: 8, brush: XBrushes.DimGray);
        }

        foreach (var item in shown)
        {
            pages.Write("• " + line(item), SummaryPages.Font(10), indent: 8);
        }
    }

    private static void Visits(SummaryPages pages, IReadOnlyList<RecordItem> visits, TimeZoneInfo zone)
    {
        pages.Heading("Last visits");
        if (visits.Count == 0)
        {
            pages.Write("None on record.", SummaryPages.Font(10), indent: 8, brush: XBrushes.DimGray);
        }

        foreach (var visit in visits.Select(v => v.Content.Visit!))
        {
            pages.Write(Join(Date(visit.Start, zone), visit.Type, visit.Provider, visit.Location), SummaryPages.Font(10, bold: true), indent: 8, after: 1);
            if (visit.Reason is { } reason)
            {
                pages.Write($"Reason: {reason}", SummaryPages.Font(10), indent: 16, after: 1);
            }

            if (visit.Diagnoses.Count > 0)
            {
                pages.Write($"Diagnoses: {string.Join("; ", visit.Diagnoses.Select(d => d.Text))}", SummaryPages.Font(10), indent: 16, after: 1);
            }

            foreach (var instruction in visit.Instructions)
            {
                pages.Write($"– {instruction}", SummaryPages.Font(10), indent: 16, after: 1);
            }

            pages.Write("", SummaryPages.Font(4));
        }
    }

    private static string AllergyLine(RecordItem item)
    {
        var a = item.Content.Allergy!;
        var reaction = a.Reactions.Count > 0 ? string.Join(", ", a.Reactions) + (a.Severity is { } s ? $" ({s.ToString().ToLowerInvariant()})" : "") : null;
        return Join(a.Substance, reaction, a.Criticality == AllergyCriticality.High ? "high risk" : null);
    }

    private static string MedicationLine(RecordItem item, TimeZoneInfo zone)
    {
        var m = item.Content.Medication!;
        return Join(m.Name, m.DoseInstructions, m.Prescriber, m.Start is null ? null : $"since {Date(m.Start, zone)}", m.Status == MedicationStatus.OnHold ? "on hold" : null);
    }

    private static string ProblemLine(RecordItem item, TimeZoneInfo zone)
    {
        var p = item.Content.Problem!;
        return Join(p.Condition, p.Onset is null ? null : $"since {Date(p.Onset, zone)}");
    }

    private static string VitalLine(RecordItem item, TimeZoneInfo zone)
    {
        var v = item.Content.VitalSign!;
        var values = v.Kind == VitalKind.BloodPressure && v.Values.Count == 2
            ? $"{Number(v.Values[0].Value)}/{Number(v.Values[1].Value)} {v.Values[0].Unit}"
            : string.Join(", ", v.Values.Select(x => $"{Number(x.Value)} {x.Unit}"));
        return Join($"{v.Name} {values}", Date(v.TakenAt, zone));
    }

    private static string Number(decimal value) => value.ToString("0.##", English);

    private static string Join(params string?[] parts) => string.Join(" — ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    // A year or a month stays as precise as it was sent; a day or a time is shown as the clinic's calendar date.
    private static string Date(string text, TimeZoneInfo zone) => text.Length switch
    {
        4 => text,
        7 when ClinicalTimes.ToInstant(text, zone) is { } month => month.ToString("MMM yyyy", English),
        _ when ClinicalTimes.ToInstant(text, zone) is { } instant => TimeZoneInfo.ConvertTime(instant, zone).ToString("MMM d, yyyy", English),
        _ => text,
    };
}
