using System.Net;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;
using Portal.IntegrationTests.Api;
using Task = System.Threading.Tasks.Task;

namespace Portal.IntegrationTests.Messaging;

/// <summary>The patient's messages as FHIR R4 Communication in the FHIR API over real HTTP: a searchset Bundle, paging, read, OperationOutcomes.</summary>
public class CommunicationFhirTests
{
    private static readonly FhirJsonDeserializer Fhir = new(new DeserializerSettings());

    [Fact]
    public async Task A_conversation_reads_as_communications_page_by_page_with_the_attachment_linked()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"], name: "Dr. Maya Chen");
        var photo = AttachmentTests.Id(await AttachmentTests.UploadAsync(api, patientId, patient, AttachmentTests.Jpeg, "image/jpeg", "rash.jpg"));
        var started = await MessagingStoryTests.PostAsync(api, $"api/patients/{patientId}/threads", patient,
            new { pool = "care-team", subject = "Rash on my arm", message = "It itches.", attachments = new[] { photo } });
        var threadId = started.Body["thread"]!["threadId"]!.GetValue<string>();
        await MessagingStoryTests.PostAsync(api, $"api/patients/{patientId}/threads/{threadId}/messages", clinician, new { message = "Please send another photo tomorrow." });

        var bundle = await SearchAsync(api, $"api/fhir/r4/Communication?patient={patientId}", patient);

        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        var messages = bundle.Entry.Select(e => (Communication)e.Resource!).ToList();
        Assert.Equal(["It itches.", "Please send another photo tomorrow."], messages.Where(m => m.Sender!.Type != "HealthcareService").Select(m => ((FhirString)m.Payload[0].Content).Value));
        Assert.All(messages, m => Assert.Equal($"Patient/{patientId}", m.Subject!.Reference));
        Assert.Equal("Dr. Maya Chen", messages.Last().Sender!.Display);
        var attachment = (Hl7.Fhir.Model.Attachment)messages[0].Payload[1].Content;
        Assert.Equal(("rash.jpg", "image/jpeg"), (attachment.Title, attachment.ContentType));
        using var link = await api.GetAsync(attachment.Url!, patient);
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);

        // Page by page through the next links, then each resource read on its own.
        var first = await SearchAsync(api, $"api/fhir/r4/Communication?patient={patientId}&_count=2", patient);
        var next = first.Link.Single(l => l.RelationString == "next").Url!;
        var second = await SearchAsync(api, next, patient);
        Assert.Equal(messages.Select(m => m.Id), first.Entry.Concat(second.Entry).Select(e => e.Resource!.Id));
        Assert.DoesNotContain(second.Link, l => l.RelationString == "next");
        using var read = await api.GetAsync($"api/fhir/r4/Communication/{messages[0].Id}", patient);
        Assert.Equal("application/fhir+json", read.Content.Headers.ContentType?.MediaType);
        var one = Fhir.Deserialize<Communication>(await read.Content.ReadAsStringAsync());
        Assert.Equal((messages[0].Id, "1"), (one.Id, one.Meta!.VersionId));
        var errors = messages.SelectMany(global::Portal.IntegrationTests.Fhir.FhirValidation.Errors).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Failures_are_operation_outcomes_and_staff_see_only_their_pools_messages()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var frontDesk = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]);
        var started = await MessagingStoryTests.PostAsync(api, $"api/patients/{patientId}/threads", patient, new { pool = "care-team", subject = "Dose", message = "Twice a day?" });
        var threadId = started.Body["thread"]!["threadId"]!.GetValue<string>();
        var communication = "api/fhir/r4/Communication";

        using var badCount = await api.GetAsync($"{communication}?patient={patientId}&_count=0", patient);
        using var badPage = await api.GetAsync($"{communication}?patient={patientId}&ct=forged", patient);
        using var unknown = await api.GetAsync($"{communication}/{threadId}.0000000000000000000-0009", patient);
        using var malformed = await api.GetAsync($"{communication}/not-an-id", patient);
        using var otherPool = await api.GetAsync($"{communication}/{threadId}.{started.Body["messages"]![0]!["messageId"]!.GetValue<string>()}?patient={patientId}", frontDesk);
        var frontDeskSees = await SearchAsync(api, $"{communication}?patient={patientId}", frontDesk);

        await AssertOutcomeAsync(badCount, HttpStatusCode.BadRequest, "invalid");
        await AssertOutcomeAsync(badPage, HttpStatusCode.BadRequest, "invalid");
        await AssertOutcomeAsync(unknown, HttpStatusCode.NotFound, "not-found");
        await AssertOutcomeAsync(malformed, HttpStatusCode.NotFound, "not-found");
        await AssertOutcomeAsync(otherPool, HttpStatusCode.NotFound, "not-found");
        Assert.Empty(frontDeskSees.Entry);
    }

    private static async Task<Bundle> SearchAsync(PortalApi api, string path, string token)
    {
        using var response = await api.GetAsync(path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return Fhir.Deserialize<Bundle>(await response.Content.ReadAsStringAsync());
    }

    private static async Task AssertOutcomeAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        var outcome = Fhir.Deserialize<OperationOutcome>(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, outcome.Issue.Single().Code?.GetLiteral());
    }
}
