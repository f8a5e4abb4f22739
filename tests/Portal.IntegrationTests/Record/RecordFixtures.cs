using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Record;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Record;

/// <summary>
/// A patient's record for the documents, amendments and export tests. The record's push endpoint is built on another
/// branch, so the items are written through the record store, the way an accepted push writes them.
/// </summary>
internal static class RecordFixtures
{
    public sealed record SeededRecord(string AllergyId, string VisitId, string ConfidentialProblemId);

    /// <summary>Penicillin (hives), lisinopril, hypertension, a flu shot, a blood pressure, an office visit and a confidential problem.</summary>
    public static async Task<SeededRecord> SeedAsync(IServiceProvider services, string patientId)
    {
        var visit = Item(patientId, RecordSamples.Visit("2026-02-27T09:30:00-06:00"));
        var allergy = Item(patientId, new RecordContent(Allergy: new Allergy(
            "Penicillin", [new RecordCode(CodeSystems.RxNorm, "7980", "Penicillin G")], AllergyCategory.Medication, ["Hives"], AllergySeverity.Moderate,
            AllergyCriticality.High, AllergyClinicalStatus.Active, AllergyVerification.Confirmed, "2012-06")));
        var medication = Item(patientId, RecordSamples.Medication("Lisinopril 10 MG Oral Tablet", "2025-11-04"), visitId: visit.ItemId);
        var problem = Item(patientId, new RecordContent(Problem: new HealthProblem(
            "Essential hypertension", [new RecordCode(CodeSystems.Icd10Cm, "I10")], ProblemClinicalStatus.Active, ProblemVerification.Confirmed, ProblemCategory.ProblemList, "2025-11-04")));
        var confidential = Item(patientId, new RecordContent(Problem: new HealthProblem(
            "Anxiety disorder", [new RecordCode(CodeSystems.Icd10Cm, "F41.9")], ProblemClinicalStatus.Active, ProblemVerification.Confirmed, ProblemCategory.ProblemList, "2026-01-10")),
            confidential: true);
        var flu = Item(patientId, new RecordContent(Immunization: new Immunization(
            "Influenza, seasonal, injectable", [new RecordCode(CodeSystems.Cvx, "141")], "2025-10-01", ImmunizationStatus.Completed, LotNumber: "FL2291")));
        var pressure = Item(patientId, new RecordContent(VitalSign: new VitalSign(
            VitalKind.BloodPressure, "Blood pressure", "2026-02-27T09:40:00-06:00",
            [new VitalValue(VitalKinds.Systolic, "Systolic", 128, "mm[Hg]"), new VitalValue(VitalKinds.Diastolic, "Diastolic", 82, "mm[Hg]")],
            [new RecordCode(CodeSystems.Loinc, "85354-9", "Blood pressure panel")])));
        await services.GetRequiredService<IHealthRecord>().WriteAsync(
            RecordSamples.Write(patientId, "seed" + Guid.NewGuid().ToString("N")[..12], visit, allergy, medication, problem, confidential, flu, pressure), default);
        return new SeededRecord(allergy.ItemId, visit.ItemId, confidential.ItemId);
    }

    /// <summary>The smallest PDF a viewer opens: one empty page.</summary>
    public static byte[] Pdf(string marker = "") => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/MediaBox[0 0 612 792]/Parent 2 0 R>>endobj\n"
        + $"% {marker}\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>The PNG signature and a little more: enough for the type check.</summary>
    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    /// <summary>Uploads a file as the raw body with its metadata in the query string.</summary>
    public static async Task<(System.Net.HttpStatusCode Status, JsonObject? Body, HttpResponseMessage Response)> UploadAsync(
        PortalApi api, string patientId, string token, byte[] content, string contentType, string query, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/patients/{patientId}/documents?{query}") { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await api.SendAsync(request);
        var body = response.Content.Headers.ContentType?.MediaType?.Contains("json") == true ? await PortalApi.ReadJsonAsync(response) : null;
        return (response.StatusCode, body, response);
    }

    /// <summary>Fetches a download link's bytes the way a browser would: no token, straight from storage.</summary>
    public static async Task<(byte[] Bytes, HttpResponseMessage Response)> DownloadAsync(JsonObject link)
    {
        using var client = new HttpClient();
        var response = await client.GetAsync(link["url"]!.GetValue<string>());
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(), response);
    }

    private static RecordItem Item(string patientId, RecordContent content, bool confidential = false, string? visitId = null) =>
        RecordSamples.Item(patientId, content, confidential: confidential, visitId: visitId);
}
