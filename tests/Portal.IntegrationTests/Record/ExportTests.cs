using System.Net;
using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Portal.IntegrationTests.Api;
using Portal.IntegrationTests.Messaging;
using UglyToad.PdfPig;

namespace Portal.IntegrationTests.Record;

/// <summary>The whole record to take away: a FHIR Bundle the Firely SDK reads and a PDF whose text says what matters.</summary>
public class ExportTests
{
    [Fact]
    public async System.Threading.Tasks.Task Without_MFA_the_export_asks_for_a_step_up_and_writes_nothing()
    {
        var portal = await TestPortal.GetAsync();
        var api = new PortalApi(portal.Client);
        var (patientId, _, subject) = await api.NewActivatedPatientAsync();
        var withoutMfa = await api.TokenAsync(subject, mfa: false);

        using var response = await api.SendAsync(HttpMethod.Post, $"api/patients/{patientId}/record/export", withoutMfa);

        await PortalApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        var challenge = response.Headers.WwwAuthenticate.ToString();
        Assert.Contains("insufficient_claims", challenge);
        var claims = Encoding.UTF8.GetString(Convert.FromBase64String(challenge.Split("claims=\"")[1].TrimEnd('"')));
        Assert.Contains("\"mfa\"", claims);
    }

    [Fact]
    public async System.Threading.Tasks.Task The_patient_gets_a_collection_Bundle_the_Firely_SDK_parses_and_a_PDF_summary_with_the_allergies()
    {
        var portal = await TestPortal.GetAsync();
        var api = new PortalApi(portal.Client);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        await RecordFixtures.SeedAsync(portal.Services, patientId);

        using var response = await api.SendAsync(HttpMethod.Post, $"api/patients/{patientId}/record/export", patient);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await PortalApi.ReadJsonAsync(response);
        Assert.Equal(7, export["items"]!.GetValue<int>());

        var (json, bundleDownload) = await RecordFixtures.DownloadAsync(export["bundle"]!.AsObject());
        Assert.Equal("application/fhir+json", bundleDownload.Content.Headers.ContentType!.MediaType);
        var bundle = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(Encoding.UTF8.GetString(json));
        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        var first = Assert.IsType<Patient>(bundle.Entry[0].Resource);
        Assert.Equal(patientId, first.Id);
        Assert.EndsWith($"/api/fhir/r4/Patient/{patientId}", bundle.Entry[0].FullUrl);
        var allergy = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<AllergyIntolerance>());
        Assert.Equal(("Penicillin", "7980", $"Patient/{patientId}", "active"),
            (allergy.Code!.Text, allergy.Code.Coding[0].Code, allergy.Patient!.Reference, allergy.ClinicalStatus!.Coding[0].Code));
        var pressure = Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<Observation>());
        Assert.Equal([128m, 82m], pressure.Component.Select(c => ((Quantity)c.Value!).Value!.Value));
        Assert.Equal(2, bundle.Entry.Select(e => e.Resource).OfType<Condition>().Count());
        Assert.Equal(["AllergyIntolerance", "Condition", "Condition", "Encounter", "Immunization", "MedicationRequest", "Observation", "Patient"],
            bundle.Entry.Select(e => e.Resource!.TypeName).Order(StringComparer.Ordinal));

        var (pdf, pdfDownload) = await RecordFixtures.DownloadAsync(export["summary"]!.AsObject());
        Assert.Equal("application/pdf", pdfDownload.Content.Headers.ContentType!.MediaType);
        var text = PdfText(pdf);
        Assert.Contains("Health summary: Test Patient", text);
        Assert.Contains("Penicillin — Hives (moderate) — high risk", text);
        Assert.Contains("Lisinopril 10 MG Oral Tablet", text);
        Assert.Contains("Blood pressure 128/82 mm[Hg]", text);
        Assert.Contains("Anxiety disorder", text);

        var log = (await MessagingStoryTests.GetAsync(api, $"api/patients/{patientId}/access-log", patient))["items"]!.AsArray();
        Assert.Contains(log, e => e!["action"]!.GetValue<string>() == "records.read" && e["resource"]!.GetValue<string>() == $"patients/{patientId}/record/export");
    }

    [Fact]
    public async System.Threading.Tasks.Task A_caregivers_export_leaves_out_the_confidential_items()
    {
        var portal = await TestPortal.GetAsync();
        var api = new PortalApi(portal.Client);
        var (patientId, _, _) = await api.NewActivatedPatientAsync();
        await RecordFixtures.SeedAsync(portal.Services, patientId);
        var caregiver = await api.CaregiverAsync(patientId, "records.read");

        using var response = await api.SendAsync(HttpMethod.Post, $"api/patients/{patientId}/record/export", caregiver);
        var export = await PortalApi.ReadJsonAsync(response);

        Assert.Equal(6, export["items"]!.GetValue<int>());
        var (json, _) = await RecordFixtures.DownloadAsync(export["bundle"]!.AsObject());
        var bundle = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(Encoding.UTF8.GetString(json));
        Assert.DoesNotContain(bundle.Entry.Select(e => e.Resource).OfType<Condition>(), c => c.Code!.Text == "Anxiety disorder");
        var (pdf, _) = await RecordFixtures.DownloadAsync(export["summary"]!.AsObject());
        Assert.DoesNotContain("Anxiety", PdfText(pdf));
        Assert.Contains("Penicillin", PdfText(pdf));
    }

    /// <summary>The PDF's text, page after page, as PdfPig reads it.</summary>
    internal static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(page => string.Join(" ", page.GetWords().Select(w => w.Text))));
    }
}
