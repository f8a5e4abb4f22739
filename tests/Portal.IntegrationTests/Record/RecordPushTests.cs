using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Api;
using Portal.Tests.Record;

namespace Portal.IntegrationTests.Record;

/// <summary>An EHR pushes the US Core example records over real HTTP; the patient reads every section; resends and bad Bundles change nothing.</summary>
public class RecordPushTests
{
    [Fact]
    public async Task A_pushed_bundle_fills_every_section_and_the_same_bundle_again_changes_nothing()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, mrn, patient) = await RecordApi.NewPatientAsync(api);
        var ehr = await RecordApi.EhrAsync(api);
        var bundle = FhirSamples.Bundle(mrn, FhirSamples.Accepted).ToJsonString();

        var (status, answer) = await RecordApi.PushAsync(api, ehr, bundle);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("transaction-response", answer["type"]!.GetValue<string>());
        var entries = answer["entry"]!.AsArray();
        Assert.Equal(FhirSamples.Accepted.Length, entries.Count);
        Assert.Equal($"Patient/{patientId}", entries[0]!["response"]!["location"]!.GetValue<string>());
        Assert.All(entries.Skip(1), e => Assert.Equal("201 Created", e!["response"]!["status"]!.GetValue<string>()));
        Assert.StartsWith("AllergyIntolerance/", entries[1]!["response"]!["location"]!.GetValue<string>(), StringComparison.Ordinal);

        // Every section shows what arrived, as the patient reads it.
        Assert.Equal("sulfonamide antibacterial", (await RecordApi.SectionAsync(api, patientId, "allergies", patient)).Single()!["content"]!["allergy"]!["substance"]!.GetValue<string>());
        Assert.Equal(2, (await RecordApi.SectionAsync(api, patientId, "medications", patient)).Count);
        Assert.Equal("197", (await RecordApi.SectionAsync(api, patientId, "immunizations", patient)).Single()!["content"]!["immunization"]!["cvx"]!["code"]!.GetValue<string>());
        Assert.Single(await RecordApi.SectionAsync(api, patientId, "problems", patient));
        Assert.Equal(4, (await RecordApi.SectionAsync(api, patientId, "vitals", patient)).Count);
        Assert.Single(await RecordApi.SectionAsync(api, patientId, "care-plans", patient));
        Assert.Single(await RecordApi.SectionAsync(api, patientId, "notes", patient));
        var visit = (await RecordApi.SectionAsync(api, patientId, "visits", patient)).Single()!;

        // The visit links what was recorded at it: the immunization and the discharge note.
        var detail = await RecordApi.GetAsync(api, $"api/patients/{patientId}/visits/{visit["itemId"]!.GetValue<string>()}", patient);
        Assert.Single(detail["documents"]!.AsArray());
        Assert.Contains(detail["other"]!.AsArray(), i => i!["section"]!.GetValue<string>() == "immunizations");

        // The summary counts it all, and the patient was told (no clinical detail).
        var summary = await RecordApi.GetAsync(api, $"api/patients/{patientId}/record", patient);
        Assert.Equal(4, RecordApi.Section(summary, "vitals")["total"]!.GetValue<int>());
        Assert.Equal(4, RecordApi.Section(summary, "vitals")["new"]!.GetValue<int>());
        Assert.Equal(visit["itemId"]!.GetValue<string>(), summary["lastVisit"]!["visitId"]!.GetValue<string>());
        Assert.True(summary["lastVisit"]!["reviewed"]!.GetValue<bool>());
        var notices = (await RecordApi.GetAsync(api, $"api/patients/{patientId}/notifications", patient))["items"]!.AsArray();
        Assert.Single(notices, n => n!["kind"]!.GetValue<string>() == "newRecordInformation");

        // The same Bundle again: every entry answers 200 and nothing changes.
        var (again, resent) = await RecordApi.PushAsync(api, ehr, bundle);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.All(resent["entry"]!.AsArray(), e => Assert.Equal("200 OK", e!["response"]!["status"]!.GetValue<string>()));
        Assert.Equal(entries.Select(e => e!["response"]!["location"]?.GetValue<string>()), resent["entry"]!.AsArray().Select(e => e!["response"]!["location"]?.GetValue<string>()));
        var after = await RecordApi.GetAsync(api, $"api/patients/{patientId}/record", patient);
        Assert.All(after["sections"]!.AsArray(), s => Assert.Equal(0, s!["new"]!.GetValue<int>()));
        Assert.Single((await RecordApi.GetAsync(api, $"api/patients/{patientId}/notifications", patient))["items"]!.AsArray(), n => n!["kind"]!.GetValue<string>() == "newRecordInformation");
    }

    [Fact]
    public async Task A_resend_with_a_change_updates_the_item_and_keeps_the_old_value()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, mrn, patient) = await RecordApi.NewPatientAsync(api);
        var ehr = await RecordApi.EhrAsync(api);
        await RecordApi.PushAsync(api, ehr, FhirSamples.Bundle(mrn, "patient-example.json", "allergyintolerance-example.json").ToJsonString());
        var changed = FhirSamples.Resource("allergyintolerance-example.json");
        changed["clinicalStatus"]!["coding"]![0]!["code"] = "resolved";

        var (status, answer) = await RecordApi.PushAsync(api, ehr, FhirSamples.Bundle(mrn, FhirSamples.Resource("patient-example.json"), changed).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("200 OK", "W/\"2\""), (answer["entry"]![1]!["response"]!["status"]!.GetValue<string>(), answer["entry"]![1]!["response"]!["etag"]!.GetValue<string>()));
        Assert.Empty(await RecordApi.SectionAsync(api, patientId, "allergies", patient, "active"));
        var allergy = (await RecordApi.SectionAsync(api, patientId, "allergies", patient)).Single()!;
        Assert.Equal(("resolved", 2), (allergy["content"]!["allergy"]!["clinicalStatus"]!.GetValue<string>(), allergy["version"]!.GetValue<int>()));
        Assert.Equal("active", allergy["history"]![0]!["content"]!["allergy"]!["clinicalStatus"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_pushed_pdf_with_its_binary_lands_in_documents_with_its_bytes_in_blob_storage()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, mrn, patient) = await RecordApi.NewPatientAsync(api);
        var pdf = "%PDF-1.4\n% discharge letter\n%%EOF\n"u8.ToArray();
        var document = new JsonObject
        {
            ["resourceType"] = "DocumentReference",
            ["id"] = "discharge-letter-1",
            ["status"] = "current",
            ["type"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://loinc.org", ["code"] = "18842-5", ["display"] = "Discharge summary" }) },
            ["category"] = new JsonArray(new JsonObject { ["text"] = "Letter" }),
            ["subject"] = new JsonObject { ["reference"] = "Patient/example" },
            ["date"] = "2025-09-23T16:00:00Z",
            ["description"] = "Hospital discharge letter",
            ["content"] = new JsonArray(new JsonObject { ["attachment"] = new JsonObject { ["contentType"] = "application/pdf", ["url"] = "Binary/letter-bytes" } }),
        };
        var binary = new JsonObject { ["resourceType"] = "Binary", ["id"] = "letter-bytes", ["contentType"] = "application/pdf", ["data"] = Convert.ToBase64String(pdf) };

        var (status, _) = await RecordApi.PushAsync(api, await RecordApi.EhrAsync(api), FhirSamples.Bundle(mrn, FhirSamples.Resource("patient-example.json"), document, binary).ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        var stored = (await RecordApi.SectionAsync(api, patientId, "documents", patient)).Single()!["content"]!["document"]!;
        Assert.Equal(("discharge", pdf.Length), (stored["kind"]!.GetValue<string>(), stored["size"]!.GetValue<int>()));
        var files = (await TestPortal.GetAsync()).Services.GetRequiredService<Portal.Core.Files.IFileStore>();
        var bytes = await files.ReadAsync(new(Portal.Core.Record.Documents.DocumentFiles.Container, stored["blobName"]!.GetValue<string>()), default);
        Assert.Equal(pdf, bytes);
    }

    [Fact]
    public async Task Bad_bundles_are_refused_with_an_operation_outcome_and_write_nothing()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, mrn, patient) = await RecordApi.NewPatientAsync(api);
        var ehr = await RecordApi.EhrAsync(api);
        var otherPatient = FhirSamples.Resource("weight.json");
        otherPatient["subject"] = new JsonObject { ["reference"] = "Patient/not-this-one" };
        var unknownType = FhirSamples.Bundle(mrn, FhirSamples.Resource("patient-example.json"), FhirSamples.Resource("weight.json"), new JsonObject { ["resourceType"] = "Practitioner", ["id"] = "x" });
        var huge = FhirSamples.Bundle(mrn, FhirSamples.Resource("patient-example.json"), FhirSamples.Resource("weight.json"));
        huge["entry"]![1]!["resource"]!["note"] = new JsonArray(new JsonObject { ["text"] = new string('x', 4 * 1024 * 1024) });

        (string Case, string Json, string Expression)[] cases =
        [
            ("unknown patient", FhirSamples.Bundle("NO-SUCH-MRN-" + Guid.NewGuid().ToString("N")[..8], "patient-example.json", "weight.json").ToJsonString(), "Bundle.entry"),
            ("other patient", FhirSamples.Bundle(mrn, FhirSamples.Resource("patient-example.json"), FhirSamples.Resource("heart-rate.json"), otherPatient).ToJsonString(), "Bundle.entry[2].resource.subject"),
            ("unknown type", unknownType.ToJsonString(), "Bundle.entry[2].resource"),
            ("malformed", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{", "Bundle"),
            ("too large", huge.ToJsonString(), "Bundle"),
        ];
        foreach (var (name, json, expression) in cases)
        {
            var (status, outcome) = await RecordApi.PushAsync(api, ehr, json);
            Assert.True(status == HttpStatusCode.BadRequest, $"{name}: {status}");
            Assert.Equal("OperationOutcome", outcome["resourceType"]!.GetValue<string>());
            Assert.True(outcome["issue"]!.AsArray().Any(i => i!["expression"]?[0]?.GetValue<string>() == expression), $"{name}: {outcome.ToJsonString()}");
        }

        var summary = await RecordApi.GetAsync(api, $"api/patients/{patientId}/record", patient);
        Assert.All(summary["sections"]!.AsArray(), s => Assert.Equal(0, s!["total"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Only_a_records_push_system_or_a_clinician_may_push()
    {
        var api = await PortalApi.CreateAsync();
        var (_, mrn, patient) = await RecordApi.NewPatientAsync(api);
        var bundle = FhirSamples.Bundle(mrn, "patient-example.json", "weight.json").ToJsonString();
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var lab = await api.TokenAsync(PortalApi.UniqueSubject("lab"), ["Lab.Push"]);
        var frontDesk = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]);

        Assert.Equal(HttpStatusCode.OK, (await RecordApi.PushAsync(api, clinician, bundle)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await RecordApi.PushAsync(api, patient, bundle)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await RecordApi.PushAsync(api, lab, bundle)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await RecordApi.PushAsync(api, frontDesk, bundle)).Status);
    }
}
