using Microsoft.Extensions.DependencyInjection;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Portal.Core.Files;
using Portal.Core.Identity;
using Portal.Core.Record;
using Portal.Core.Record.Amendments;
using Portal.Core.Record.Documents;
using Portal.Core.Record.Export;

namespace Portal.LocalHost.DemoData;

/// <summary>
/// Benjamin Okafor's discharge letter from his November hospital stay, uploaded by Dr. Okonkwo through the real use
/// case (he gets a new-document notice), and Benjamin's open request to correct its discharge date, waiting in the
/// staff's amendment queue.
/// </summary>
internal static class DemoRecordDocuments
{
    private const string Patient = "patient-ben";

    /// <summary>Adds the letter and the request for Benjamin when this seed run created him.</summary>
    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, string> createdPatients, CancellationToken cancellationToken)
    {
        if (!createdPatients.TryGetValue(Patient, out var patientId))
        {
            return;
        }

        var doctor = DemoPeople.Staff.Single(s => s.Subject == "dr-okonkwo");
        var uploaded = await services.GetRequiredService<UploadDocument>().ExecuteAsync(
            new Caller(doctor.Subject, doctor.Name, doctor.Roles.ToHashSet(), HasMfa: true),
            patientId,
            new DocumentUpload("Discharge letter – Lakeshore General Hospital", "discharge", "2026-11-14", null, "Admission for community-acquired pneumonia, 10–14 November.", false),
            new IncomingFile("discharge-letter.pdf", FileFormat.Pdf.ContentType, Letter()),
            "demo-discharge-letter",
            cancellationToken);
        var letter = uploaded.Succeeded ? uploaded.Value : throw new InvalidOperationException($"Demo discharge letter was refused: {uploaded.Failure.Detail}");

        var ben = DemoPeople.Patients.Single(p => p.Subject == Patient);
        var requested = await services.GetRequiredService<RequestAmendment>().ExecuteAsync(
            new Caller(ben.Subject, $"{ben.GivenName} {ben.FamilyName}", new HashSet<string> { "Patient" }, HasMfa: true),
            patientId,
            new NewAmendmentRequest(
                "The letter says I went home on November 13. I was discharged on the afternoon of November 14, after the last antibiotic dose.",
                "Discharged: November 14, 2026.",
                RecordSection.Documents.Slug(),
                letter.ItemId),
            "demo-amendment",
            cancellationToken);
        if (!requested.Succeeded)
        {
            throw new InvalidOperationException($"Demo amendment request was refused: {requested.Failure.Detail}");
        }
    }

    // A one-page letter, as a hospital would send it (synthetic).
    private static byte[] Letter()
    {
        SummaryFonts.EnsureInstalled();
        var document = new PdfDocument();
        document.Info.Title = "Discharge letter";
        var page = document.AddPage();
        page.Size = PageSize.Letter;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var (regular, bold, title) = (Font(10.5), Font(10.5, true), Font(15, true));
            var y = 60.0;
            void Line(string text, XFont font, double after = 4)
            {
                gfx.DrawString(text, font, XBrushes.Black, new XRect(60, y, page.Width.Point - 120, 14), XStringFormats.TopLeft);
                y += font.GetHeight() + after;
            }

            Line("Lakeshore General Hospital · Department of Internal Medicine", bold);
            Line("1200 N Lake Shore Dr, Chicago, IL 60611 · (312) 555-0140", regular, 18);
            Line("Discharge letter", title, 10);
            Line("Patient: Benjamin Okafor · DOB 11/22/1957 · MRN RFC-100202", regular);
            Line("Admitted: November 10, 2026 · Discharged: November 13, 2026", regular);
            Line("Attending: Dr. Samuel Okonkwo, DO", regular, 14);
            Line("Diagnosis", bold);
            Line("Community-acquired pneumonia, right lower lobe (ICD-10-CM J18.1).", regular, 10);
            Line("Hospital course", bold);
            Line("Treated with IV ceftriaxone and oral azithromycin, switched to oral amoxicillin-clavulanate on day 3.", regular);
            Line("Oxygen saturation 96% on room air at discharge; afebrile for 48 hours.", regular, 10);
            Line("Medications at discharge", bold);
            Line("Amoxicillin-clavulanate 875/125 mg by mouth twice daily for 5 more days.", regular);
            Line("Continue lisinopril 10 mg daily and atorvastatin 20 mg at bedtime.", regular, 10);
            Line("Follow-up", bold);
            Line("See your primary care physician within 7 days. Chest X-ray in 6 weeks.", regular);
            Line("Return to the emergency department for fever above 101 °F, chest pain or shortness of breath.", regular, 20);
            Line("Dr. Samuel Okonkwo, DO", regular);
        }

        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static XFont Font(double size, bool bold = false) => new(SummaryFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
}
