#nullable disable
// Firely's POCOs mark every element nullable; these tests read them directly and fail loudly on a missing one.

using System.Net;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using Hl7.Fhir.Rest;
using Hl7.Fhir.Serialization;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Fhir;

/// <summary>A third-party app reads a patient's record through the FHIR API with Firely's client, as the patient.</summary>
public class FhirApiTests
{
    private static readonly string[] ClinicalTypes =
        ["AllergyIntolerance", "MedicationRequest", "Immunization", "Condition", "Observation", "Encounter", "DocumentReference", "DiagnosticReport", "CarePlan"];

    // The patient's own journal (JournalFhirTests): what they authored and the Provenance of what they shared.
    private static readonly string[] JournalTypes = ["QuestionnaireResponse", "Provenance"];

    [Fact]
    public async Task An_app_learns_what_the_server_supports_without_signing_in()
    {
        var api = await PortalApi.CreateAsync();
        using var metadata = await api.GetAsync("api/fhir/r4/metadata", token: null);
        Assert.Equal(HttpStatusCode.OK, metadata.StatusCode);
        Assert.Equal("application/fhir+json", metadata.Content.Headers.ContentType?.MediaType);
        var statement = (CapabilityStatement)new FhirJsonDeserializer(new DeserializerSettings()).DeserializeResource(await metadata.Content.ReadAsStringAsync());
        Assert.Equal(FHIRVersion.N4_0_1, statement.FhirVersion);
        var rest = Assert.Single(statement.Rest);
        // Messages (Messaging/CommunicationFhirTests), the bill (Billing/BillingFhirTests), scheduling (Scheduling/SchedulingFhirApiTests), refill requests (Prescriptions/RefillTaskFhirTests), caregivers (Caregivers/CaregiverStoryTests) and the journal (Journal/JournalSharingTests) are read by their own tests.
        Assert.Equal(ClinicalTypes.Concat(["Patient", "Communication", "Coverage", "ExplanationOfBenefit", "Appointment", "Slot", "Schedule", "Task", "RelatedPerson", "Consent"]).Concat(JournalTypes).Order(), rest.Resource.Select(r => r.Type).Order());
        Assert.All(rest.Resource, r => Assert.Equal(
            [CapabilityStatement.TypeRestfulInteraction.Read, CapabilityStatement.TypeRestfulInteraction.SearchType], r.Interaction.Select(i => i.Code!.Value)));
        Assert.Equal(["category", "code", "date", "patient"], rest.Resource.Single(r => r.Type == "Observation").SearchParam.Select(p => p.Name).Order());
        Assert.Empty(FhirValidation.Errors(statement));

        using var smart = await api.GetAsync("api/fhir/r4/.well-known/smart-configuration", token: null);
        var configuration = await PortalApi.ReadJsonAsync(smart);
        Assert.Equal($"https://login.microsoftonline.com/{TestPortal.TenantId}/oauth2/v2.0/authorize", configuration["authorization_endpoint"]!.GetValue<string>());
        Assert.Equal($"https://login.microsoftonline.com/{TestPortal.TenantId}/oauth2/v2.0/token", configuration["token_endpoint"]!.GetValue<string>());
        Assert.Equal(["S256"], configuration["code_challenge_methods_supported"]!.AsArray().Select(m => m!.GetValue<string>()));
        Assert.Contains("permission-v2", configuration["capabilities"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Contains("patient/Observation.rs", configuration["scopes_supported"]!.AsArray().Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public async Task An_app_searches_and_pages_every_type_and_every_resource_it_gets_is_valid_R4()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, _) = await api.NewActivatedPatientAsync();
        var record = await FhirRecordSamples.WriteAsync(patientId);
        var client = await FhirApps.ClientAsync(token);

        var served = new List<Resource>();
        foreach (var type in ClinicalTypes)
        {
            var found = await SearchAllAsync(client, type, [$"patient={patientId}"], pageSize: 2);
            var (shared, confidential) = FhirRecordSamples.Counts[type];
            Assert.True(found.Count == shared + confidential, $"{type}: {found.Count} found, {shared + confidential} expected");
            Assert.All(found, r => Assert.Equal(type, r.TypeName));
            served.AddRange(found);
        }

        var patient = await client.ReadAsync<Patient>($"Patient/{patientId}");
        served.Add(patient!);
        Assert.Equal("Patient", Assert.Single((await client.SearchAsync<Patient>([$"_id={patientId}"]))!.Entry).Resource!.TypeName);
        foreach (var resource in served.Where(r => r.TypeName != "Patient"))
        {
            var read = await client.ReadAsync<Resource>($"{resource.TypeName}/{resource.Id}");
            Assert.Equal((resource.Id, resource.Meta.VersionId), (read!.Id, read.Meta.VersionId));
        }

        var errors = served.SelectMany(FhirValidation.Errors).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(record.Items.Count + 1, served.Count);
    }

    [Fact]
    public async Task Resources_say_what_the_record_says_with_the_item_id_version_and_patient()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, _) = await api.NewActivatedPatientAsync();
        var record = await FhirRecordSamples.WriteAsync(patientId);
        var client = await FhirApps.ClientAsync(token);

        var allergy = (await client.ReadAsync<AllergyIntolerance>($"AllergyIntolerance/{record["penicillin"].ItemId}"))!;
        Assert.Equal(("1", $"Patient/{patientId}", "Penicillin", "7980", "active"),
            (allergy.Meta.VersionId, allergy.Patient.Reference, allergy.Code.Text, allergy.Code.Coding[0].Code, allergy.ClinicalStatus.Coding[0].Code));
        Assert.Equal([AllergyResourceProfile], allergy.Meta.Profile);

        var error = (await client.ReadAsync<Condition>($"Condition/{record["error"].ItemId}"))!;
        Assert.Null(error.ClinicalStatus);
        Assert.Equal("entered-in-error", error.VerificationStatus.Coding[0].Code);

        var bp = (await client.ReadAsync<Observation>($"Observation/{record["bp"].ItemId}"))!;
        Assert.Equal([("8480-6", 128m), ("8462-4", 82m)], bp.Component.Select(c => (c.Code.Coding[0].Code, ((Quantity)c.Value).Value!.Value)));
        Assert.Equal($"Encounter/{record["visit"].ItemId}", bp.Encounter.Reference);
        Assert.Contains("http://hl7.org/fhir/us/core/StructureDefinition/us-core-blood-pressure", bp.Meta.Profile);

        // A weight in pounds written "lb" is not UCUM: served, but claims no profile it does not meet.
        Assert.Empty((await client.ReadAsync<Observation>($"Observation/{record["weight-lb"].ItemId}"))!.Meta.Profile);

        var note = (await client.ReadAsync<DocumentReference>($"DocumentReference/{record["note"].ItemId}"))!;
        Assert.Equal("Blood pressure improved on lisinopril. <Continue> & recheck in 3 months.", System.Text.Encoding.UTF8.GetString(note.Content[0].Attachment.Data));
        var letter = (await client.ReadAsync<DocumentReference>($"DocumentReference/{record["letter"].ItemId}"))!;
        Assert.EndsWith($"/api/patients/{patientId}/documents/{record["letter"].ItemId}/content", letter.Content[0].Attachment.Url);

        var patient = (await client.ReadAsync<Patient>($"Patient/{patientId}"))!;
        Assert.Equal(("MR", "Patient", "Test", AdministrativeGender.Unknown), (patient.Identifier[0].Type.Coding[0].Code, patient.Name[0].Family, patient.Name[0].Given.Single(), patient.Gender!.Value));
    }

    [Fact]
    public async Task Observations_are_found_by_category_code_and_date_and_pages_link_to_the_next()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, _) = await api.NewActivatedPatientAsync();
        var record = await FhirRecordSamples.WriteAsync(patientId);
        var client = await FhirApps.ClientAsync(token);

        async Task<string[]> Names(params string[] criteria) =>
            [.. (await SearchAllAsync(client, "Observation", [$"patient={patientId}", .. criteria], pageSize: 2))
                .Select(r => record.Items.Single(i => i.Value.ItemId == r.Id).Key)];

        Assert.Equal(["spo2", "bp", "weight", "hr-private", "temp", "bp-old", "weight-lb"], await Names("category=vital-signs"));
        Assert.Equal(["spo2", "bp", "weight", "hr-private", "temp", "bp-old", "weight-lb"], await Names("category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs"));
        Assert.Empty(await Names("category=laboratory"));
        Assert.Empty(await Names("category=social-history"));
        Assert.Equal(["bp", "bp-old"], await Names("code=http://loinc.org|85354-9"));
        Assert.Equal(["spo2", "weight", "weight-lb"], await Names("code=59408-5,29463-7"));
        Assert.Equal(["spo2", "bp", "weight"], await Names("date=ge2026-02-01"));
        Assert.Equal(["spo2", "bp", "weight"], await Names("date=2026-02-10"));
        Assert.Equal(["hr-private", "temp"], await Names("date=ge2026-01", "date=lt2026-02"));
        Assert.Equal(["bp-old", "weight-lb"], await Names("date=le2025-12-31"));
        Assert.Equal(["weight"], await Names("date=eq2026-02-10T09:34", "code=29463-7"));
        Assert.Equal(["temp"], await Names("date=gt2026-01-20T07:59:59-06:00", "date=lt2026-01-20T08:00:01-06:00"));
        Assert.Empty(await Names("date=ge2026-03-01", "date=le2026-01-01"));

        var first = (await client.SearchAsync<Observation>([$"patient={patientId}", "category=vital-signs"], pageSize: 3))!;
        Assert.Equal(3, first.Entry.Count);
        Assert.Null(first.Total);
        Assert.Contains("_count=3", first.SelfLink.ToString());
        var second = (await client.ContinueAsync(first))!;
        Assert.Equal(first.NextLink, second.SelfLink);
        Assert.Empty(first.Entry.Select(e => e.Resource.Id).Intersect(second.Entry.Select(e => e.Resource.Id)));
    }

    [Fact]
    public async Task Lab_observations_and_reports_are_empty_searchsets_until_lab_results_are_stored()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, _) = await api.NewActivatedPatientAsync();
        await FhirRecordSamples.WriteAsync(patientId);
        var client = await FhirApps.ClientAsync(token);

        Assert.Empty((await client.SearchAsync<DiagnosticReport>([$"patient={patientId}"]))!.Entry);
        Assert.Empty((await client.SearchAsync<DiagnosticReport>([$"patient={patientId}", "category=LAB", "code=58410-2", "date=ge2020"]))!.Entry);
        Assert.Empty((await client.SearchAsync<Observation>([$"patient={patientId}", "category=laboratory"]))!.Entry);
        var missing = await Assert.ThrowsAsync<FhirOperationException>(() => client.ReadAsync<DiagnosticReport>("DiagnosticReport/lab-1"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
    }

    private const string AllergyResourceProfile = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-allergyintolerance";

    /// <summary>Every resource of a search, following next links.</summary>
    internal static async Task<List<Resource>> SearchAllAsync(FhirClient client, string type, string[] criteria, int pageSize)
    {
        var found = new List<Resource>();
        var page = await client.SearchAsync(type, criteria, pageSize: pageSize);
        for (var pages = 0; page is not null; pages++)
        {
            Assert.True(pages < 50, "too many pages");
            Assert.Equal(Bundle.BundleType.Searchset, page.Type);
            Assert.True(page.Entry.Count <= pageSize);
            found.AddRange(page.Entry.Select(e => e.Resource));
            page = page.NextLink is null ? null : await client.ContinueAsync(page);
        }

        return found;
    }
}
