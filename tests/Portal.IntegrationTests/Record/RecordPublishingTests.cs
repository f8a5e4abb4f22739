using System.Net;
using System.Text.Json.Nodes;
using Portal.IntegrationTests.Api;
using Portal.Tests.Record;

namespace Portal.IntegrationTests.Record;

/// <summary>A clinician publishes a visit summary and medications through the portal API; patient and caregiver read it, each with their own "new" and "reviewed".</summary>
public class RecordPublishingTests
{
    private static JsonObject VisitBody(bool confidential = false) => new()
    {
        ["start"] = "2026-02-27T09:30:00-06:00",
        ["end"] = null,
        ["type"] = "Office visit",
        ["class"] = "ambulatory",
        ["provider"] = "Dr. Maya Patel",
        ["location"] = "Main Street Clinic",
        ["reason"] = "Blood pressure check",
        ["diagnoses"] = new JsonArray(new JsonObject { ["text"] = "Essential hypertension", ["code"] = new JsonObject { ["system"] = "http://hl7.org/fhir/sid/icd-10-cm", ["code"] = "I10", ["display"] = null } }),
        ["summary"] = "Your blood pressure is higher than we want. We are switching lisinopril to amlodipine.",
        ["instructions"] = new JsonArray("Take amlodipine every morning.", "Check your blood pressure at home twice a week."),
        ["followUps"] = new JsonArray(new JsonObject { ["instruction"] = "Blood pressure check in 4 weeks", ["due"] = "2026-03-27" }),
        ["confidential"] = confidential,
    };

    private static JsonObject MedicationBody(string name, string? visitId) => new()
    {
        ["name"] = name,
        ["rxNormCode"] = "197361",
        ["doseInstructions"] = "1 tablet by mouth every morning",
        ["prescriber"] = null,
        ["start"] = "2026-02-27",
        ["end"] = null,
        ["refillsRemaining"] = 5,
        ["daysSupply"] = 30,
        ["quantity"] = new JsonObject { ["value"] = 30, ["unit"] = "tablets", ["ucumCode"] = "{tbl}" },
        ["visitId"] = visitId,
    };

    [Fact]
    public async Task A_visit_summary_lists_what_was_started_and_stopped_and_each_reader_has_their_own_new_and_reviewed()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, mrn, patient) = await RecordApi.NewPatientAsync(api);
        var caregiver = await api.CaregiverAsync(patientId, "records.read");
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"], name: "Dr. Maya Patel");
        var ehr = await RecordApi.EhrAsync(api);
        await RecordApi.PushAsync(api, ehr, FhirSamples.Bundle(mrn, "patient-example.json", "medicationrequest-coded-oral-axid.json").ToJsonString());
        var older = (await RecordApi.SectionAsync(api, patientId, "medications", clinician)).Single()!["itemId"]!.GetValue<string>();

        // The clinician writes the visit (a retry with the same key is the same visit), starts one drug and stops another at it.
        var (created, visit, _) = await RecordApi.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/visits", clinician, VisitBody(), idempotencyKey: "visit-1");
        Assert.Equal(HttpStatusCode.Created, created);
        var visitId = visit["itemId"]!.GetValue<string>();
        Assert.Equal(visitId, (await RecordApi.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/visits", clinician, VisitBody(), idempotencyKey: "visit-1")).Body["itemId"]!.GetValue<string>());
        var (added, _, _) = await RecordApi.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/medications", clinician, MedicationBody("Amlodipine 5 MG Oral Tablet", visitId));
        Assert.Equal(HttpStatusCode.Created, added);
        var stale = "W/\"stale\"";
        var (staleEnd, _, _) = await RecordApi.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/medications/{older}/end", clinician, new JsonObject { ["status"] = "stopped", ["reason"] = "Switched", ["visitId"] = visitId }, ifMatch: stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleEnd);
        var eTag = (await FindAsync(api, patientId, older, clinician)).ETag;
        var (ended, stopped, _) = await RecordApi.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/medications/{older}/end", clinician, new JsonObject { ["status"] = "stopped", ["reason"] = "Switched", ["visitId"] = visitId }, ifMatch: eTag);
        Assert.Equal(HttpStatusCode.OK, ended);
        Assert.Equal(("stopped", "inactive", 2), (stopped["content"]!["medication"]!["status"]!.GetValue<string>(), stopped["status"]!.GetValue<string>(), stopped["version"]!.GetValue<int>()));

        // The caregiver reads the summary first: their "new" goes to 0, the patient's stays.
        var caregiverSummary = await RecordApi.GetAsync(api, $"api/patients/{patientId}/record", caregiver);
        Assert.Equal(1, RecordApi.Section(caregiverSummary, "visits")["new"]!.GetValue<int>());
        Assert.Equal(0, RecordApi.Section(await RecordApi.GetAsync(api, $"api/patients/{patientId}/record", caregiver), "visits")["new"]!.GetValue<int>());
        var patientSummary = await RecordApi.GetAsync(api, $"api/patients/{patientId}/record", patient);
        Assert.Equal(1, RecordApi.Section(patientSummary, "visits")["new"]!.GetValue<int>());
        Assert.Equal((visitId, false), (patientSummary["lastVisit"]!["visitId"]!.GetValue<string>(), patientSummary["lastVisit"]!["reviewed"]!.GetValue<bool>()));

        // The patient opens the visit: what was started and stopped at it, the follow-up; reviewed for the patient only.
        var detail = await RecordApi.GetAsync(api, $"api/patients/{patientId}/visits/{visitId}", patient);
        Assert.Equal("Amlodipine 5 MG Oral Tablet", detail["medicationsStarted"]!.AsArray().Single()!["content"]!["medication"]!["name"]!.GetValue<string>());
        Assert.Equal(older, detail["medicationsStopped"]!.AsArray().Single()!["itemId"]!.GetValue<string>());
        Assert.Equal("Blood pressure check in 4 weeks", detail["followUps"]![0]!["instruction"]!.GetValue<string>());
        Assert.True((await RecordApi.GetAsync(api, $"api/patients/{patientId}/record", patient))["lastVisit"]!["reviewed"]!.GetValue<bool>());
        Assert.False((await RecordApi.GetAsync(api, $"api/patients/{patientId}/record", caregiver))["lastVisit"]!["reviewed"]!.GetValue<bool>());
        var notices = (await RecordApi.GetAsync(api, $"api/patients/{patientId}/notifications", patient))["items"]!.AsArray();
        // Four notices for the patient; the caregiver, whose grant covers records, gets a copy of each once it goes out.
        Assert.Equal(4, notices.Count(n => n!["kind"]!.GetValue<string>() == "newRecordInformation" && n["recipient"]!.GetValue<string>() == "patient"));
        Assert.All(notices.Where(n => n!["recipient"]!.GetValue<string>() == "caregiver"), n => Assert.Equal("newRecordInformation", n!["kind"]!.GetValue<string>()));

        // The summary is rewritten under the visit's ETag; the earlier one stays in the history.
        var visitETag = (await FindAsync(api, patientId, visitId, clinician, "visits")).ETag;
        var rewritten = VisitBody();
        rewritten["summary"] = "Corrected: we are switching lisinopril to amlodipine 5 mg.";
        var (updated, changed, _) = await RecordApi.SendAsync(api, HttpMethod.Put, $"api/patients/{patientId}/visits/{visitId}", clinician, rewritten, ifMatch: visitETag);
        Assert.Equal(HttpStatusCode.OK, updated);
        Assert.StartsWith("Your blood pressure is higher", changed["history"]![0]!["content"]!["visit"]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confidential_visit_is_hidden_from_caregivers_but_not_from_the_patient()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, _, patient) = await RecordApi.NewPatientAsync(api);
        var caregiver = await api.CaregiverAsync(patientId, "records.read");
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var (_, visit, _) = await RecordApi.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/visits", clinician, VisitBody(confidential: true));
        var visitId = visit["itemId"]!.GetValue<string>();

        Assert.Single(await RecordApi.SectionAsync(api, patientId, "visits", patient));
        Assert.Empty(await RecordApi.SectionAsync(api, patientId, "visits", caregiver));
        using var hidden = await api.GetAsync($"api/patients/{patientId}/visits/{visitId}", caregiver);
        await PortalApi.AssertProblemAsync(hidden, HttpStatusCode.NotFound);
        var summary = await RecordApi.GetAsync(api, $"api/patients/{patientId}/record", caregiver);
        Assert.Equal(0, RecordApi.Section(summary, "visits")["total"]!.GetValue<int>());
        Assert.Null(summary["lastVisit"]);
        Assert.Equal(1, RecordApi.Section(await RecordApi.GetAsync(api, $"api/patients/{patientId}/record", patient), "visits")["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_the_field()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, _, _) = await RecordApi.NewPatientAsync(api);
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var body = VisitBody();
        body["summary"] = "";
        var medication = MedicationBody("Amlodipine", visitId: "0000000000000000000-00000000000000000000000000000000");

        using var noSummary = await api.SendAsync(HttpMethod.Post, $"api/patients/{patientId}/visits", clinician, body.ToJsonString());
        using var unknownVisit = await api.SendAsync(HttpMethod.Post, $"api/patients/{patientId}/medications", clinician, medication.ToJsonString());
        using var badStatus = await api.GetAsync($"api/patients/{patientId}/record/allergies?status=maybe", clinician);
        using var unknownSection = await api.GetAsync($"api/patients/{patientId}/record/labs", clinician);
        using var noIfMatch = await api.SendAsync(HttpMethod.Put, $"api/patients/{patientId}/visits/0000000000000000000-00000000000000000000000000000000", clinician, VisitBody().ToJsonString());

        await PortalApi.AssertProblemAsync(noSummary, HttpStatusCode.BadRequest, "summary");
        await PortalApi.AssertProblemAsync(unknownVisit, HttpStatusCode.BadRequest, "visitId");
        await PortalApi.AssertProblemAsync(badStatus, HttpStatusCode.BadRequest, "status");
        await PortalApi.AssertProblemAsync(unknownSection, HttpStatusCode.NotFound);
        await PortalApi.AssertProblemAsync(noIfMatch, (HttpStatusCode)428);
    }

    /// <summary>An item's current ETag, as a clinician reads it from its section (the answer carries each item's version only).</summary>
    internal static async Task<(JsonObject Item, string ETag)> FindAsync(PortalApi api, string patientId, string itemId, string token, string section = "medications")
    {
        if (section == "visits")
        {
            using var response = await api.GetAsync($"api/patients/{patientId}/visits/{itemId}", token);
            return ((await PortalApi.ReadJsonAsync(response))["visit"]!.AsObject(), response.Headers.ETag!.ToString());
        }

        var item = (await RecordApi.SectionAsync(api, patientId, section, token)).Single(i => i!["itemId"]!.GetValue<string>() == itemId)!.AsObject();
        return (item, item["eTag"]!.GetValue<string>());
    }
}
