using System.Net;
using System.Text.Json.Nodes;
using Portal.IntegrationTests.Api;
using Portal.Tests.Record;

namespace Portal.IntegrationTests.Record;

/// <summary>Who may read and write a patient's record: the patient, caregivers by scope, staff by role, strangers never.</summary>
public class RecordAuthorizationTests
{
    [Fact]
    public async Task Every_record_endpoint_answers_each_kind_of_caller_as_the_policy_says()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, mrn, patient) = await RecordApi.NewPatientAsync(api);
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        await RecordApi.PushAsync(api, await RecordApi.EhrAsync(api), FhirSamples.Bundle(mrn, "patient-example.json", "encounter-example-1.json", "medicationrequest-coded-oral-axid.json").ToJsonString());
        var visitId = (await RecordApi.SectionAsync(api, patientId, "visits", clinician)).Single()!["itemId"]!.GetValue<string>();
        var callers = new Dictionary<string, string>
        {
            ["self"] = patient,
            ["caregiver records.read"] = await api.CaregiverAsync(patientId, "records.read"),
            ["caregiver records.write"] = await api.CaregiverAsync(patientId, "records.write"),
            ["caregiver messages.read"] = await api.CaregiverAsync(patientId, "messages.read"),
            ["Clinician"] = clinician,
            ["FrontDesk"] = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]),
            ["Billing"] = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]),
            ["Admin"] = await api.TokenAsync(PortalApi.UniqueSubject("admin"), ["Admin"]),
            ["Records.Push"] = await RecordApi.EhrAsync(api),
            ["stranger"] = await api.TokenAsync(PortalApi.UniqueSubject("stranger")),
        };
        const HttpStatusCode Ok = HttpStatusCode.OK, Created = HttpStatusCode.Created, No = HttpStatusCode.Forbidden, Hidden = HttpStatusCode.NotFound;

        // (caller, summary, section, visit, write a visit, add a medication, end a medication)
        (string Caller, HttpStatusCode Summary, HttpStatusCode Section, HttpStatusCode Visit, HttpStatusCode WriteVisit, HttpStatusCode AddMedication, HttpStatusCode EndMedication)[] rows =
        [
            ("self", Ok, Ok, Ok, No, No, No),
            ("caregiver records.read", Ok, Ok, Ok, No, No, No),
            ("caregiver records.write", Ok, Ok, Ok, No, No, No),
            ("caregiver messages.read", No, No, No, No, No, No),
            ("Clinician", Ok, Ok, Ok, Created, Created, Ok),
            ("FrontDesk", No, No, No, No, No, No),
            ("Billing", No, No, No, No, No, No),
            ("Admin", No, No, No, No, No, No),
            ("Records.Push", No, No, No, No, No, No),
            ("stranger", Hidden, Hidden, Hidden, Hidden, Hidden, Hidden),
        ];
        var actual = new List<(string, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode)>();
        foreach (var row in rows)
        {
            var token = callers[row.Caller];
            using var summary = await api.GetAsync($"api/patients/{patientId}/record", token);
            using var section = await api.GetAsync($"api/patients/{patientId}/record/medications", token);
            using var visit = await api.GetAsync($"api/patients/{patientId}/visits/{visitId}", token);
            var writeVisit = (await RecordApi.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/visits", token, Visit())).Status;
            var (addMedication, added, _) = await RecordApi.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/medications", token, Medication());
            var toEnd = addMedication == Created ? added["itemId"]!.GetValue<string>() : (await RecordApi.SectionAsync(api, patientId, "medications", clinician))[0]!["itemId"]!.GetValue<string>();
            var endMedication = (await RecordApi.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/medications/{toEnd}/end", token, new JsonObject { ["status"] = "completed" }, ifMatch: "W/\"1\"")).Status;
            actual.Add((row.Caller, summary.StatusCode, section.StatusCode, visit.StatusCode, writeVisit, addMedication, endMedication));
        }

        Assert.Equal(rows.Select(r => (r.Caller, r.Summary, r.Section, r.Visit, r.WriteVisit, r.AddMedication, r.EndMedication)), actual);
    }

    private static JsonObject Visit() => new()
    {
        ["start"] = "2026-03-01T10:00:00-06:00",
        ["end"] = null,
        ["type"] = "Office visit",
        ["class"] = null,
        ["provider"] = null,
        ["location"] = null,
        ["reason"] = null,
        ["diagnoses"] = null,
        ["summary"] = "All well.",
        ["instructions"] = null,
        ["followUps"] = null,
    };

    private static JsonObject Medication() => new()
    {
        ["name"] = "Vitamin D3 1000 UNT Oral Tablet",
        ["rxNormCode"] = null,
        ["doseInstructions"] = "1 tablet daily",
        ["prescriber"] = null,
        ["start"] = "2026-03-01",
        ["end"] = null,
        ["refillsRemaining"] = null,
        ["daysSupply"] = null,
        ["quantity"] = null,
    };
}
