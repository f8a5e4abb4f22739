#nullable disable
// Firely's POCOs mark every element nullable; these tests read them directly and fail loudly on a missing one.

using System.Net;
using Hl7.Fhir.Model;
using Portal.IntegrationTests.Api;
using Task = System.Threading.Tasks.Task;

namespace Portal.IntegrationTests.Fhir;

/// <summary>Who may read what through the FHIR API: the policy per patient and data category, SMART scopes on top, confidential items never for caregivers.</summary>
public class FhirAuthorizationTests
{
    [Fact]
    public async Task Every_endpoint_answers_each_kind_of_caller_as_the_policy_and_the_token_scopes_say()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, patientSubject) = await api.NewActivatedPatientAsync();
        var record = await FhirRecordSamples.WriteAsync(patientId);
        var vital = record["bp"].ItemId;
        var callers = new Dictionary<string, (string Token, bool Staff)>
        {
            ["self"] = (patient, false),
            ["self, SMART patient/*.rs"] = (await api.TokenAsync(patientSubject, scopes: ["openid", "patient/*.rs"]), false),
            ["self, SMART patient/Observation.r"] = (await api.TokenAsync(patientSubject, scopes: ["launch/patient", "patient/Observation.r"]), false),
            ["self, SMART v1 patient.Observation.read (Entra)"] = (await api.TokenAsync(patientSubject, scopes: ["patient.Observation.read"]), false),
            ["self, SMART vital signs only"] = (await api.TokenAsync(patientSubject, scopes: ["patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs"]), false),
            ["self, SMART labs only"] = (await api.TokenAsync(patientSubject, scopes: ["patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory"]), false),
            ["self, a front end's own scope"] = (await api.TokenAsync(patientSubject, scopes: ["Portal.Access"]), false),
            ["caregiver records.read"] = (await api.CaregiverAsync(patientId, "records.read"), false),
            ["caregiver records.read profile.read, SMART patient/Observation.rs"] = (await api.CaregiverAsync(patientId, ["records.read", "profile.read"], ["patient/Observation.rs"]), false),
            ["caregiver results.read"] = (await api.CaregiverAsync(patientId, "results.read"), false),
            ["caregiver messages.read"] = (await api.CaregiverAsync(patientId, "messages.read"), false),
            ["Clinician"] = (await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]), true),
            ["FrontDesk"] = (await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]), true),
            ["Billing"] = (await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]), true),
            ["Admin"] = (await api.TokenAsync(PortalApi.UniqueSubject("admin"), ["Admin"]), true),
            ["stranger"] = (await api.TokenAsync(PortalApi.UniqueSubject("stranger")), false),
        };

        const HttpStatusCode ok = HttpStatusCode.OK, forbidden = HttpStatusCode.Forbidden, missing = HttpStatusCode.NotFound;

        // (caller, Observation search, Observation read, AllergyIntolerance search, Patient read, how many Observations the search shows)
        (string Caller, HttpStatusCode Search, HttpStatusCode Read, HttpStatusCode Allergies, HttpStatusCode Patient, int Observations)[] rows =
        [
            ("self", ok, ok, ok, ok, 7),
            ("self, SMART patient/*.rs", ok, ok, ok, ok, 7),
            ("self, SMART patient/Observation.r", forbidden, ok, forbidden, forbidden, -1),
            ("self, SMART v1 patient.Observation.read (Entra)", ok, ok, forbidden, forbidden, 7),
            ("self, SMART vital signs only", ok, ok, forbidden, forbidden, 7),
            ("self, SMART labs only", ok, missing, forbidden, forbidden, 0),
            ("self, a front end's own scope", ok, ok, ok, ok, 7),
            ("caregiver records.read", ok, ok, ok, forbidden, 6),
            ("caregiver records.read profile.read, SMART patient/Observation.rs", ok, ok, forbidden, forbidden, 6),
            ("caregiver results.read", ok, missing, forbidden, forbidden, 0),
            ("caregiver messages.read", forbidden, missing, forbidden, forbidden, -1),
            ("Clinician", ok, ok, ok, ok, 7),
            ("FrontDesk", forbidden, forbidden, forbidden, ok, -1),
            ("Billing", forbidden, forbidden, forbidden, ok, -1),
            ("Admin", forbidden, forbidden, forbidden, ok, -1),
            ("stranger", missing, missing, missing, missing, -1),
        ];
        var actual = new List<(string, HttpStatusCode, HttpStatusCode, HttpStatusCode, HttpStatusCode, int)>();
        foreach (var row in rows)
        {
            var (token, staff) = callers[row.Caller];
            var named = staff ? $"?patient={patientId}" : "";
            using var search = await api.GetAsync($"api/fhir/r4/Observation?patient={patientId}&_count=100", token);
            using var read = await api.GetAsync($"api/fhir/r4/Observation/{vital}{named}", token);
            using var allergies = await api.GetAsync($"api/fhir/r4/AllergyIntolerance?patient={patientId}", token);
            using var patientRead = await api.GetAsync($"api/fhir/r4/Patient/{patientId}", token);
            var observations = search.IsSuccessStatusCode ? (await FhirAnswers.ReadAsync<Bundle>(search)).Entry.Count : -1;
            foreach (var answer in new[] { search, read, allergies, patientRead }.Where(a => !a.IsSuccessStatusCode))
            {
                await FhirAnswers.AssertOutcomeAsync(answer, answer.StatusCode);
            }

            actual.Add((row.Caller, search.StatusCode, read.StatusCode, allergies.StatusCode, patientRead.StatusCode, observations));
        }

        Assert.Equal(rows.Select(r => (r.Caller, r.Search, r.Read, r.Allergies, r.Patient, r.Observations)), actual);
    }

    [Fact]
    public async Task Caregivers_never_see_confidential_items_in_any_search_or_read()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var record = await FhirRecordSamples.WriteAsync(patientId);
        var caregiver = await FhirApps.ClientAsync(await api.CaregiverAsync(patientId, "records.read", "results.read"));
        var clinicianToken = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var clinician = await FhirApps.ClientAsync(clinicianToken);
        var self = await FhirApps.ClientAsync(patient);
        var confidential = record.Items.Values.Where(i => i.Confidential).Select(i => i.ItemId).ToHashSet();
        Assert.Equal(4, confidential.Count);

        foreach (var (type, (shared, hidden)) in FhirRecordSamples.Counts)
        {
            var seenByCaregiver = await FhirApiTests.SearchAllAsync(caregiver, type, [$"patient={patientId}"], pageSize: 1);
            Assert.Equal((type, shared), (type, seenByCaregiver.Count));
            Assert.DoesNotContain(seenByCaregiver, r => confidential.Contains(r.Id));
            Assert.Equal((type, shared + hidden), (type, (await FhirApiTests.SearchAllAsync(self, type, [$"patient={patientId}"], pageSize: 3)).Count));
            Assert.Equal((type, shared + hidden), (type, (await FhirApiTests.SearchAllAsync(clinician, type, [$"patient={patientId}"], pageSize: 100)).Count));
        }

        Assert.Empty(await FhirApiTests.SearchAllAsync(caregiver, "Observation", [$"patient={patientId}", "code=8867-4"], pageSize: 5));
        Assert.Empty(await FhirApiTests.SearchAllAsync(caregiver, "Observation", [$"patient={patientId}", "date=2026-01-21"], pageSize: 5));
        foreach (var item in record.Items.Values.Where(i => i.Confidential))
        {
            var type = Portal.Core.Record.Fhir.FhirResources.TypeOf(item.Section);
            var refused = await Assert.ThrowsAsync<Hl7.Fhir.Rest.FhirOperationException>(() => caregiver.ReadAsync<Resource>($"{type}/{item.ItemId}"));
            Assert.Equal(HttpStatusCode.NotFound, refused.Status);
            Assert.Equal(item.ItemId, (await self.ReadAsync<Resource>($"{type}/{item.ItemId}")).Id);
            using var staffRead = await api.GetAsync($"api/fhir/r4/{type}/{item.ItemId}?patient={patientId}", clinicianToken);
            Assert.Equal(item.ItemId, (await FhirAnswers.ReadAsync<Resource>(staffRead)).Id);
        }
    }

    [Fact]
    public async Task A_caregiver_reads_by_id_in_whichever_linked_record_holds_it_and_nowhere_else()
    {
        var api = await PortalApi.CreateAsync();
        var (first, _, _) = await api.NewActivatedPatientAsync();
        var (second, _, _) = await api.NewActivatedPatientAsync();
        var (other, _, _) = await api.NewActivatedPatientAsync();
        var firstRecord = await FhirRecordSamples.WriteAsync(first);
        var secondRecord = await FhirRecordSamples.WriteAsync(second);
        var otherRecord = await FhirRecordSamples.WriteAsync(other);
        var subject = PortalApi.UniqueSubject("caregiver");
        var links = (await TestPortal.GetAsync()).Services.GetService(typeof(Portal.Core.Access.IPatientLinks)) as Portal.Core.Access.IPatientLinks;
        foreach (var (patientId, scopes) in new[] { (first, new[] { "records.read" }), (second, new[] { "records.read" }) })
        {
            await links!.SaveAsync(new Portal.Core.Access.PatientLink(subject, patientId, Portal.Core.Access.LinkKind.Proxy, "P", scopes, DateTimeOffset.UtcNow.AddDays(1)), default);
        }

        var client = await FhirApps.ClientAsync(await api.TokenAsync(subject));
        Assert.Equal($"Patient/{first}", (await client.ReadAsync<Encounter>($"Encounter/{firstRecord["visit"].ItemId}")).Subject.Reference);
        Assert.Equal($"Patient/{second}", (await client.ReadAsync<Encounter>($"Encounter/{secondRecord["visit"].ItemId}")).Subject.Reference);
        var elsewhere = await Assert.ThrowsAsync<Hl7.Fhir.Rest.FhirOperationException>(() => client.ReadAsync<Encounter>($"Encounter/{otherRecord["visit"].ItemId}"));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.Status);
    }
}
