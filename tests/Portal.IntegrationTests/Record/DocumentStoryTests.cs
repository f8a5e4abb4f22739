using System.Net;
using Portal.IntegrationTests.Api;
using Portal.IntegrationTests.Messaging;

namespace Portal.IntegrationTests.Record;

/// <summary>A discharge letter from the clinician's upload to the patient's download, over real HTTP and Azurite.</summary>
public class DocumentStoryTests
{
    [Fact]
    public async Task A_clinician_uploads_a_letter_the_patient_is_told_and_downloads_it_through_a_short_lived_link()
    {
        var portal = await TestPortal.GetAsync();
        var api = new PortalApi(portal.Client);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var seeded = await RecordFixtures.SeedAsync(portal.Services, patientId);
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"], name: "Dr. Maya Patel");
        var letter = RecordFixtures.Pdf("discharge letter");

        var query = $"title={Uri.EscapeDataString("Discharge letter – Mercy Hospital")}&kind=discharge&date=2026-02-28&visitId={seeded.VisitId}";
        var (status, body, response) = await RecordFixtures.UploadAsync(api, patientId, clinician, letter, "application/pdf", query, "upload-1");
        Assert.Equal(HttpStatusCode.Created, status);
        var documentId = body!["documentId"]!.GetValue<string>();
        Assert.Equal(($"/api/patients/{patientId}/documents/{documentId}/content", "discharge", "application/pdf", (long)letter.Length, seeded.VisitId, "Dr. Maya Patel"),
            (response.Headers.Location!.ToString(), body["kind"]!.GetValue<string>(), body["contentType"]!.GetValue<string>(), body["size"]!.GetValue<long>(),
                body["visitId"]!.GetValue<string>(), body["recordedByName"]!.GetValue<string>()));

        // A retry with the same key is the same document, not a second one.
        var (_, retried, _) = await RecordFixtures.UploadAsync(api, patientId, clinician, letter, "application/pdf", query, "upload-1");
        Assert.Equal(documentId, retried!["documentId"]!.GetValue<string>());
        var (reused, _, _) = await RecordFixtures.UploadAsync(api, patientId, clinician, RecordFixtures.Pdf("other"), "application/pdf", query, "upload-1");
        Assert.Equal(HttpStatusCode.Conflict, reused);

        // The patient is told that a document is waiting, and nothing more.
        var notices = (await MessagingStoryTests.GetAsync(api, $"api/patients/{patientId}/notifications", patient))["items"]!.AsArray();
        Assert.Single(notices, n => n!["kind"]!.GetValue<string>() == "newDocument" && n["link"]!.GetValue<string>() == "/record/documents");

        // The link is JSON; the bytes come straight from storage, named after the title.
        var link = await MessagingStoryTests.GetAsync(api, $"api/patients/{patientId}/documents/{documentId}/content", patient);
        Assert.InRange(link["expiresAt"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddMinutes(4), DateTimeOffset.UtcNow.AddMinutes(5).AddSeconds(5));
        var (bytes, download) = await RecordFixtures.DownloadAsync(link);
        Assert.Equal(letter, bytes);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Discharge letter – Mercy Hospital.pdf", download.Content.Headers.ContentDisposition!.FileNameStar);

        // Each link issued is a read of the record in the patient's access log.
        var log = (await MessagingStoryTests.GetAsync(api, $"api/patients/{patientId}/access-log", patient))["items"]!.AsArray();
        Assert.Contains(log, e => e!["action"]!.GetValue<string>() == "records.read" && e["resource"]!.GetValue<string>() == $"patients/{patientId}/documents/{documentId}/content");
        Assert.Contains(log, e => e!["action"]!.GetValue<string>() == "records.write" && e["resource"]!.GetValue<string>() == $"patients/{patientId}/documents" && e["actor"]!["name"]!.GetValue<string>() == "Dr. Maya Patel");
    }

    [Fact]
    public async Task Bytes_decide_the_type_the_patients_side_does_not_upload_and_a_confidential_document_is_hidden_from_caregivers_without_a_notice()
    {
        var portal = await TestPortal.GetAsync();
        var api = new PortalApi(portal.Client);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var caregiver = await api.CaregiverAsync(patientId, "records.read");

        var (mislabelled, problem, _) = await RecordFixtures.UploadAsync(api, patientId, clinician, RecordFixtures.Png(), "application/pdf", "title=Scan&kind=imaging");
        Assert.Equal((HttpStatusCode.BadRequest, true), (mislabelled, problem!["errors"]!["file"] is not null));
        var (text, _, _) = await RecordFixtures.UploadAsync(api, patientId, clinician, "hello"u8.ToArray(), "text/plain", "title=Note&kind=other");
        Assert.Equal(HttpStatusCode.BadRequest, text);
        var (noKind, missing, _) = await RecordFixtures.UploadAsync(api, patientId, clinician, RecordFixtures.Pdf(), "application/pdf", "title=Letter&kind=memo&date=yesterday");
        Assert.Equal((HttpStatusCode.BadRequest, true, true), (noKind, missing!["errors"]!["kind"] is not null, missing["errors"]!["date"] is not null));
        var (byPatient, _, _) = await RecordFixtures.UploadAsync(api, patientId, patient, RecordFixtures.Pdf(), "application/pdf", "title=Mine&kind=other");
        Assert.Equal(HttpStatusCode.Forbidden, byPatient);

        var (created, body, _) = await RecordFixtures.UploadAsync(api, patientId, clinician, RecordFixtures.Png(), "image/png", "title=Counselling%20plan&kind=form&confidential=true");
        Assert.Equal(HttpStatusCode.Created, created);
        var documentId = body!["documentId"]!.GetValue<string>();
        using var forPatient = await api.GetAsync($"api/patients/{patientId}/documents/{documentId}/content", patient);
        using var forCaregiver = await api.GetAsync($"api/patients/{patientId}/documents/{documentId}/content", caregiver);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (forPatient.StatusCode, forCaregiver.StatusCode));
        Assert.DoesNotContain((await MessagingStoryTests.GetAsync(api, $"api/patients/{patientId}/notifications", patient))["items"]!.AsArray(),
            n => n!["kind"]!.GetValue<string>() == "newDocument");
    }
}
