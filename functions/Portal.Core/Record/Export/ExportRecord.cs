using System.Globalization;
using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Files;
using Portal.Core.Identity;
using Portal.Core.Profile;

namespace Portal.Core.Record.Export;

/// <summary>
/// Use case: the whole record to take away (the right of access): a FHIR R4 collection Bundle and a printable PDF
/// summary, written to the <c>exports</c> container and handed out as five-minute links. Downloading the full record
/// needs a multi-factor sign-in; a caregiver's export leaves out what they may not see; items entered in error are
/// left out (they are mistakes, not the record).
/// </summary>
public sealed class ExportRecord(
    ChartAccess access, IHealthRecord record, IProfiles profiles, IRecordFhirMapping mapping, IFileStore files, IOptions<ClinicOptions> clinic, TimeProvider clock)
{
    /// <summary>The container exports are written to (kept a few days, then deleted by the storage account's lifecycle rule).</summary>
    public const string Container = "exports";

    private const int SectionPageSize = 1000;

    /// <summary>The export; 401 (step-up) without MFA, 403/404 per the policy.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="patientId">Whose record.</param>
    /// <param name="fhirBase">The portal's FHIR API base address (<c>…/api/fhir/r4/</c>), for the entries' addresses.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<Result<RecordExport>> ExecuteAsync(Caller caller, string patientId, Uri fhirBase, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Records), $"patients/{patientId}/record/export", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = caller.HasMfa
            ? await ExportAsync(visit.Value, fhirBase, cancellationToken)
            : new Failure(FailureKind.StepUpRequired, "Downloading the whole record needs a multi-factor sign-in.");
        await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    private async Task<Result<RecordExport>> ExportAsync(ChartVisit visit, Uri fhirBase, CancellationToken cancellationToken)
    {
        var profile = await profiles.FindAsync(visit.PatientId, cancellationToken);
        if (profile is null)
        {
            return Failure.NotFound("The patient");
        }

        var showsConfidential = RecordVisibility.ShowsConfidential(visit);
        var sections = await Task.WhenAll(RecordSections.All.Select(section => ReadAllAsync(visit.PatientId, section, showsConfidential, cancellationToken)));
        var items = RecordVisibility.Visible(visit, sections.SelectMany(s => s)).Where(i => i.Status != RecordStatus.EnteredInError).ToList();

        var now = clock.GetUtcNow();
        var exportId = Guid.NewGuid().ToString("N");
        var zone = TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);
        var bundle = RecordBundle.Json(RecordBundle.Create(profile.Value, items, mapping, fhirBase, exportId, now));
        var pdf = RecordSummaryPdf.Write(profile.Value, items, clinic.Value.Name, zone, now);

        var folder = $"{Uri.EscapeDataString(visit.PatientId)}/{exportId}";
        var (bundleAt, pdfAt) = (new FileLocation(Container, $"{folder}/record.json"), new FileLocation(Container, $"{folder}/summary.pdf"));
        var bundleFormat = new FileFormat("application/fhir+json", ".json");
        await Task.WhenAll(
            files.SaveAsync(bundleAt, bundle, bundleFormat, cancellationToken),
            files.SaveAsync(pdfAt, pdf, FileFormat.Pdf, cancellationToken));

        var stem = $"health-record-{profile.Value.FamilyName}-{TimeZoneInfo.ConvertTime(now, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var links = await Task.WhenAll(
            files.LinkAsync(bundleAt, FileRules.DownloadName(stem, bundleFormat, "health-record"), bundleFormat.ContentType, cancellationToken),
            files.LinkAsync(pdfAt, FileRules.DownloadName(stem + "-summary", FileFormat.Pdf, "health-summary"), FileFormat.Pdf.ContentType, cancellationToken));
        return new RecordExport(exportId, now, items.Count, links[0], links[1]);
    }

    private async Task<List<RecordItem>> ReadAllAsync(string patientId, RecordSection section, bool showsConfidential, CancellationToken cancellationToken)
    {
        var query = new RecordQuery(section, RecordStatusFilter.All, showsConfidential);
        var items = new List<RecordItem>();
        string? token = null;
        do
        {
            var page = await record.ReadSectionAsync(patientId, query, SectionPageSize, token, cancellationToken);
            items.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return items;
    }
}
