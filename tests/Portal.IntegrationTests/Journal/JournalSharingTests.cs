using System.Net;
using Hl7.Fhir.Model;
using Portal.IntegrationTests.Api;
using Portal.IntegrationTests.Fhir;
using static Portal.IntegrationTests.Journal.JournalCalls;
using Task = System.Threading.Tasks.Task;

namespace Portal.IntegrationTests.Journal;

/// <summary>
/// Sharing, never silently: the patient sends days of the journal to the care team as a PDF in a conversation, or as
/// patient-authored FHIR resources with Provenance; clinicians see shared entries only; home values join the trends.
/// </summary>
public class JournalSharingTests
{
    [Fact]
    public async Task Shared_as_a_message_the_care_team_gets_a_PDF_in_a_conversation_and_sees_those_entries_only()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"], name: "Dr. Mei Chen");
        var journal = $"api/patients/{patientId}/journal";
        var today = DateTimeOffset.UtcNow;
        var old = await PostAsync(api, journal, patient, Symptom(today.AddDays(-20), "Back pain"));
        var recent = await PostAsync(api, journal, patient, Pressure(today.AddDays(-2), 142, 91));
        Assert.Empty(Ids(await GetAsync(api, journal, clinician)));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(api, HttpMethod.Get, $"{journal}/{Id(recent.Body)}", clinician)).Status);

        var clinicToday = await ClinicTodayAsync();
        var range = new { from = clinicToday.AddDays(-7), until = clinicToday.AddDays(-1), @as = "message", note = "Readings since the new dose." };
        var shared = await PostAsync(api, $"{journal}/shares", patient, range, key: "share-week");
        Assert.Equal(HttpStatusCode.Created, shared.Status);
        Assert.Equal([Id(recent.Body)], shared.Body["entries"]!.AsArray().Select(e => e!["entryId"]!.GetValue<string>()));
        var again = await PostAsync(api, $"{journal}/shares", patient, range, key: "share-week");
        Assert.Equal(shared.Body["shareId"]!.GetValue<string>(), again.Body["shareId"]!.GetValue<string>());

        var threadId = shared.Body["threadId"]!.GetValue<string>();
        var thread = await GetAsync(api, $"api/patients/{patientId}/threads/{threadId}", clinician);
        var attachment = thread["messages"]![0]!["attachments"]![0]!;
        Assert.Equal(("application/pdf", "care-team"), (attachment["contentType"]!.GetValue<string>(), thread["thread"]!["pool"]!.GetValue<string>()));
        Assert.Single((await GetAsync(api, $"api/patients/{patientId}/threads", patient))["items"]!.AsArray());

        Assert.Equal([Id(recent.Body)], Ids(await GetAsync(api, journal, clinician)));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(api, HttpMethod.Get, $"{journal}/{Id(old.Body)}", clinician)).Status);
        Assert.Single((await GetAsync(api, $"{journal}/shares", clinician))["items"]!.AsArray());

        // What the care team was shown is corrected, never deleted.
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(api, HttpMethod.Delete, $"{journal}/{Id(recent.Body)}", patient, ifMatch: "*")).Status);

        var empty = new { from = clinicToday.AddDays(-60), until = clinicToday.AddDays(-50), @as = "fhir" };
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(api, $"{journal}/shares", patient, empty)).Status);
        var future = new { from = clinicToday, until = clinicToday.AddDays(1), @as = "fhir" };
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(api, $"{journal}/shares", patient, future)).Status);
    }

    [Fact]
    public async Task Shared_as_FHIR_the_entries_are_patient_authored_Observations_and_QuestionnaireResponses_with_a_Provenance_all_valid_R4()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var journal = $"api/patients/{patientId}/journal";
        var today = DateTimeOffset.UtcNow;
        var pressure = Id((await PostAsync(api, journal, patient, Pressure(today.AddDays(-1)))).Body);
        var weight = Id((await PostAsync(api, journal, patient, new { kind = "measurement", at = today.AddDays(-1), measurement = new { type = "weight", value = 82.4, unit = "kg" } })).Body);
        var glucose = Id((await PostAsync(api, journal, patient, new { kind = "measurement", at = today.AddDays(-1), measurement = new { type = "glucose", value = 131, unit = "mg/dL" } })).Body);
        var effect = Id((await PostAsync(api, journal, patient, new { kind = "sideEffect", at = today.AddDays(-1), sideEffect = new { what = "Dry cough", medication = "Lisinopril 10 mg", severity = 3 } })).Body);
        var mood = Id((await PostAsync(api, journal, patient, new { kind = "wellBeing", at = today.AddDays(-1), wellBeing = new { mood = 6, sleepHours = 6.5, activityMinutes = 20 } })).Body);

        var team = await FhirApps.ClientAsync(clinician);
        Assert.Empty(ObservationIds(await team.SearchAsync<Observation>([$"patient={patientId}"])));

        var clinicToday = await ClinicTodayAsync();
        var shared = await PostAsync(api, $"{journal}/shares", patient, new { from = clinicToday.AddDays(-3), until = clinicToday, @as = "fhir" });
        Assert.Equal(HttpStatusCode.Created, shared.Status);

        var observations = (await team.SearchAsync<Observation>([$"patient={patientId}"]))!.Entry.Select(e => (Observation)e.Resource!).ToList();
        Assert.Equal(new[] { glucose, pressure, weight }.Order(), observations.Select(o => o.Id).Order());
        var bp = observations.Single(o => o.Id == pressure);
        Assert.Equal(("85354-9", $"Patient/{patientId}"), (bp.Code.Coding[0].Code, bp.Performer[0].Reference));
        Assert.Contains("http://hl7.org/fhir/StructureDefinition/bp", bp.Meta!.Profile);
        var responses = (await team.SearchAsync<QuestionnaireResponse>([$"patient={patientId}"]))!.Entry.Select(e => (QuestionnaireResponse)e.Resource!).ToList();
        Assert.Equal(new[] { effect, mood }.Order(), responses.Select(r => r.Id).Order());
        Assert.All(responses, r => Assert.Equal($"Patient/{patientId}", r.Author!.Reference));
        var provenance = (Provenance)(await team.SearchAsync<Provenance>([$"patient={patientId}"]))!.Entry.Single().Resource!;
        Assert.Equal($"Patient/{patientId}", provenance.Agent[0].Who!.Reference);
        Assert.Equal(5, provenance.Target.Count);
        Assert.Contains($"Observation/{pressure}", provenance.Target.Select(t => t.Reference));
        using var read = await api.GetAsync($"api/fhir/r4/Observation/{pressure}?patient={patientId}", clinician);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var readResponse = await api.GetAsync($"api/fhir/r4/QuestionnaireResponse/{effect}?patient={patientId}", clinician);
        Assert.Equal(HttpStatusCode.OK, readResponse.StatusCode);

        List<Resource> served = [.. observations, .. responses, provenance];
        var errors = served.SelectMany(FhirValidation.Errors).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Home_blood_pressures_show_in_the_results_trend_marked_measured_at_home_for_whoever_may_read_the_journal()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var journal = $"api/patients/{patientId}/journal";
        var today = DateTimeOffset.UtcNow;
        await PostAsync(api, journal, patient, Pressure(today.AddDays(-3), 150, 95));
        await PostAsync(api, journal, patient, Pressure(today.AddDays(-1), 138, 88));

        var trend = await GetAsync(api, $"api/patients/{patientId}/results/trends?code=8480-6", patient);
        var points = trend["points"]!.AsArray();
        Assert.Equal([150m, 138m], points.Select(p => p!["value"]!.GetValue<decimal>()));
        Assert.All(points, p => Assert.True(p!["measuredAtHome"]!.GetValue<bool>()));
        Assert.Equal("mm[Hg]", trend["unit"]!.GetValue<string>());
        using var svg = await api.GetAsync($"api/patients/{patientId}/results/trends.svg?code=8480-6", patient);
        Assert.Contains("measured at home", await svg.Content.ReadAsStringAsync());

        // A caregiver who reads results but not the record sees no home values; clinicians only shared ones.
        var resultsOnly = await api.CaregiverAsync(patientId, "results.read");
        Assert.Empty((await GetAsync(api, $"api/patients/{patientId}/results/trends?code=8480-6", resultsOnly))["points"]!.AsArray());
        var reader = await api.CaregiverAsync(patientId, "results.read", "records.read");
        Assert.Equal(2, (await GetAsync(api, $"api/patients/{patientId}/results/trends?code=8480-6", reader))["points"]!.AsArray().Count);
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        Assert.Empty((await GetAsync(api, $"api/patients/{patientId}/results/trends?code=8480-6", clinician))["points"]!.AsArray());
    }

    private static IEnumerable<string> ObservationIds(Bundle? bundle) => bundle!.Entry.Select(e => e.Resource!.Id!);
}
