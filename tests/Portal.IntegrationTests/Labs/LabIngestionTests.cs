using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Portal.IntegrationTests.Api;
using static Portal.IntegrationTests.Labs.LabMessages;

namespace Portal.IntegrationTests.Labs;

/// <summary>Lab messages pushed over HTTPS land exactly once in the right chart, or in the unmatched work queue.</summary>
public class LabIngestionTests
{
    internal static async Task<(string PatientId, string Token, Patient Lab)> PatientAsync(PortalApi api)
    {
        var mrn = $"L-{Guid.NewGuid():N}"[..20];
        var family = "Lab" + PortalApi.UniqueLetters();
        var birth = PortalApi.UniqueBirthDate();
        var (patientId, code, _) = await api.RegisterAsync(mrn, "Rosa", family, birth);
        var token = await api.TokenAsync(PortalApi.UniqueSubject());
        using var activated = await api.ActivateAsync(token, code, birth);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        return (patientId, token, new Patient(mrn, family, "Rosa", birth));
    }

    internal static async Task<string> LabTokenAsync(PortalApi api) => await api.TokenAsync(PortalApi.UniqueSubject("lab"), ["Lab.Push"]);

    internal static async Task<(HttpStatusCode Status, string Body, string? MediaType)> PushAsync(PortalApi api, string token, string message, string mediaType = "x-application/hl7-v2+er7")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/labs/results") { Content = new StringContent(message, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await api.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    internal static string Msa(string ack) => ack.Split('\r').Single(s => s.StartsWith("MSA|", StringComparison.Ordinal));

    [Fact]
    public async Task A_lab_pushes_a_lipid_panel_the_patient_is_told_and_a_redelivery_changes_nothing()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, _, lab) = await PatientAsync(api);
        var labToken = await LabTokenAsync(api);
        var controlId = NewControlId();
        var message = Oru(controlId, (lab, [Lipids("ORD-" + controlId)]));

        var first = await PushAsync(api, labToken, message);
        var again = await PushAsync(api, labToken, message);

        Assert.Equal((HttpStatusCode.OK, "x-application/hl7-v2+er7"), (first.Status, first.MediaType));
        Assert.Equal($"MSA|AA|{controlId}", Msa(first.Body));
        Assert.Equal(Msa(first.Body), Msa(again.Body));
        var portal = await TestPortal.GetAsync();
        var results = await Stored.ResultsAsync(portal, patientId);
        var result = Assert.Single(results);
        Assert.Equal((1, 4, "released"), (result["version"]!.GetValue<int>(), result["observationCount"]!.GetValue<int>(), result["release"]!.GetValue<string>()));
        var notices = await Stored.NoticesAsync(portal, patientId);
        Assert.Equal(["newResult"], notices.Select(n => n["kind"]!.GetValue<string>()));
        var archived = portal.Storage.CreateBlobServiceClient().GetBlobContainerClient("lab-messages")
            .GetBlobClient($"{TestPortal.LabFacility}/{DateTime.UtcNow:yyyy-MM-dd}/{controlId}");
        Assert.Equal(message, (await archived.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task A_corrected_result_replaces_the_final_one_and_keeps_it_in_the_history_a_late_preliminary_changes_nothing()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, _, lab) = await PatientAsync(api);
        var labToken = await LabTokenAsync(api);
        var order = "ORD-" + NewControlId();

        await PushAsync(api, labToken, Oru(NewControlId(), (lab, [Lipids(order)])));
        await PushAsync(api, labToken, Oru(NewControlId(), (lab, [Lipids(order, "C", ldl: "128", ldlFlag: "N")])));
        await PushAsync(api, labToken, Oru(NewControlId(), (lab, [Lipids(order, "P", ldl: "999")])));

        var result = Assert.Single(await Stored.ResultsAsync(await TestPortal.GetAsync(), patientId));
        Assert.Equal(("corrected", 2), (result["status"]!.GetValue<string>(), result["version"]!.GetValue<int>()));
        Assert.Equal("final", Assert.Single(result["history"]!.AsArray())!["status"]!.GetValue<string>());
        var ldl = (await Stored.ObservationsAsync(await TestPortal.GetAsync(), patientId, result["resultId"]!.GetValue<string>(), 2)).Single(o => o["loinc"]!.GetValue<string>() == "13457-7");
        Assert.Equal(("128", 0), (ldl["value"]!.GetValue<string>(), ldl["flags"]!.AsArray().Count));
    }

    [Fact]
    public async Task A_cancelled_order_is_stored_as_cancelled()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, _, lab) = await PatientAsync(api);
        var labToken = await LabTokenAsync(api);
        var order = "ORD-" + NewControlId();
        await PushAsync(api, labToken, Oru(NewControlId(), (lab, [HbA1c(order, "6.1", "H")])));

        var cancelled = await PushAsync(api, labToken, Oru(NewControlId(), (lab, [new Order(order, "4548-4", "Hemoglobin A1c", "X", [])])));

        Assert.StartsWith("MSA|AA|", Msa(cancelled.Body));
        var result = Assert.Single(await Stored.ResultsAsync(await TestPortal.GetAsync(), patientId));
        Assert.Equal(("cancelled", 0), (result["status"]!.GetValue<string>(), result["observationCount"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_mismatched_birth_date_never_attaches_the_results_go_to_the_work_queue_and_staff_match_them()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, _, lab) = await PatientAsync(api);
        var labToken = await LabTokenAsync(api);
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var wrongBirth = lab with { BirthDate = lab.BirthDate.AddDays(1) };
        var controlId = NewControlId();

        var pushed = await PushAsync(api, labToken, Oru(controlId, (wrongBirth, [HbA1c("ORD-" + controlId, "7.2", "H")])));

        Assert.Equal($"MSA|AA|{controlId}", Msa(pushed.Body));
        var portal = await TestPortal.GetAsync();
        Assert.Empty(await Stored.ResultsAsync(portal, patientId));
        var entry = await UnmatchedAsync(api, clinician, lab.Family);
        Assert.Equal("The MRN is known but the birth date does not agree.", entry["reason"]!.GetValue<string>());
        var id = entry["unmatchedId"]!.GetValue<string>();

        using var matched = await api.SendAsync(HttpMethod.Post, $"api/labs/unmatched/{id}/match", clinician, $$"""{"patientId":"{{patientId}}"}""");
        using var twice = await api.SendAsync(HttpMethod.Post, $"api/labs/unmatched/{id}/match", clinician, $$"""{"patientId":"{{patientId}}"}""");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (matched.StatusCode, twice.StatusCode));
        Assert.Single(await Stored.ResultsAsync(portal, patientId));
        Assert.Null(await FindUnmatchedAsync(api, clinician, lab.Family));
    }

    [Fact]
    public async Task An_unknown_mrn_is_rejected_by_staff_with_a_reason()
    {
        var api = await PortalApi.CreateAsync();
        var labToken = await LabTokenAsync(api);
        var admin = await api.TokenAsync(PortalApi.UniqueSubject("admin"), ["Admin"]);
        var stranger = new Patient($"X-{Guid.NewGuid():N}"[..20], "Nobody" + PortalApi.UniqueLetters(), "Ann", new DateOnly(1970, 1, 1));
        await PushAsync(api, labToken, Oru(NewControlId(), (stranger, [HbA1c("ORD-" + NewControlId(), "5.1")])));
        var entry = await UnmatchedAsync(api, admin, stranger.Family);
        Assert.Equal("No patient has this MRN.", entry["reason"]!.GetValue<string>());

        using var noReason = await api.SendAsync(HttpMethod.Post, $"api/labs/unmatched/{entry["unmatchedId"]}/reject", admin, """{"reason":""}""");
        using var rejected = await api.SendAsync(HttpMethod.Post, $"api/labs/unmatched/{entry["unmatchedId"]}/reject", admin, """{"reason":"Not our patient: sent to the wrong clinic."}""");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK), (noReason.StatusCode, rejected.StatusCode));
        Assert.Equal("rejected", (await PortalApi.ReadJsonAsync(rejected))["state"]!.GetValue<string>());
        Assert.Null(await FindUnmatchedAsync(api, admin, stranger.Family));
    }

    [Fact]
    public async Task A_message_for_two_patients_is_split_each_chart_gets_only_its_own()
    {
        var api = await PortalApi.CreateAsync();
        var (first, _, firstLab) = await PatientAsync(api);
        var (second, _, secondLab) = await PatientAsync(api);
        var labToken = await LabTokenAsync(api);
        var controlId = NewControlId();

        await PushAsync(api, labToken, Oru(controlId, (firstLab, [HbA1c("A-" + controlId, "5.4")]), (secondLab, [Lipids("B-" + controlId), HbA1c("C-" + controlId, "6.8", "H")])));

        var portal = await TestPortal.GetAsync();
        Assert.Equal(["Hemoglobin A1c"], (await Stored.ResultsAsync(portal, first)).Select(r => r["testName"]!.GetValue<string>()));
        Assert.Equal(["Hemoglobin A1c", "Lipid panel"], (await Stored.ResultsAsync(portal, second)).Select(r => r["testName"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task A_150_observation_report_is_written_in_batches_and_never_visible_half_written()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, _, lab) = await PatientAsync(api);
        var labToken = await LabTokenAsync(api);
        var portal = await TestPortal.GetAsync();

        var pushing = PushAsync(api, labToken, Oru(NewControlId(), (lab, [Large("BIG-" + NewControlId(), 150)])));
        var seen = new List<int>();
        while (!pushing.IsCompleted)
        {
            seen.AddRange((await Stored.ResultsAsync(portal, patientId)).Select(r => r["observationCount"]!.GetValue<int>()));
        }

        Assert.Equal(HttpStatusCode.OK, (await pushing).Status);
        Assert.All(seen, count => Assert.Equal(150, count));
        var result = Assert.Single(await Stored.ResultsAsync(portal, patientId));
        Assert.Equal(150, await Stored.ObservationCountAsync(portal, patientId, result["resultId"]!.GetValue<string>(), 1));
    }

    [Theory]
    [InlineData("adt-example.hl7", "AR", "200")]
    [InlineData("not hl7 at all", "AR", "102")]
    public async Task What_cannot_be_used_is_refused_with_an_ack_naming_the_reason(string sample, string code, string error)
    {
        var api = await PortalApi.CreateAsync();
        var labToken = await LabTokenAsync(api);
        var message = sample.EndsWith(".hl7", StringComparison.Ordinal) ? await File.ReadAllTextAsync(Samples.Hl7(sample)) : sample;

        var (status, body, _) = await PushAsync(api, labToken, message);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.Contains($"MSA|{code}|", StringComparison.Ordinal), body);
        Assert.Contains(body.Split('\r'), s => s.StartsWith("ERR|", StringComparison.Ordinal) && s.Contains($"|{error}^", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_shared_hl7_samples_are_accepted_and_wait_for_staff_as_their_patients_are_not_ours()
    {
        var api = await PortalApi.CreateAsync();
        var labToken = await LabTokenAsync(api);
        foreach (var sample in new[] { "ORU_R01_2.5.1_SampleTestCase1.hl7", "realm-cj.hl7", "realm-hepatitis-c-virus.hl7", "cerner_lead.hl7" })
        {
            // A fresh control id per run: the ledger remembers every message of the shared Azurite.
            var text = Samples.WithControlId(await File.ReadAllTextAsync(Samples.Hl7(sample)), NewControlId());
            var (status, body, _) = await PushAsync(api, labToken, text, "application/hl7-v2");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.StartsWith("MSA|AA|", Msa(body));
        }
    }

    [Fact]
    public async Task A_fhir_bundle_is_stored_with_an_operation_outcome_and_bad_fhir_gets_the_issues()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, _, lab) = await PatientAsync(api);
        var labToken = await LabTokenAsync(api);
        var bundle = Samples.FhirBundle(Guid.NewGuid().ToString(), lab);

        var stored = await PushAsync(api, labToken, bundle, "application/fhir+json");
        var again = await PushAsync(api, labToken, bundle, "application/fhir+json");
        var broken = await PushAsync(api, labToken, "{\"resourceType\":\"Bundle\",", "application/fhir+json");
        var noReport = await PushAsync(api, labToken, """{"resourceType":"Bundle","type":"collection"}""", "application/fhir+json");

        Assert.True(stored.Status == HttpStatusCode.Created, stored.Body);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.BadRequest, (HttpStatusCode)422), (stored.Status, again.Status, broken.Status, noReport.Status));
        Assert.Equal("OperationOutcome", JsonNode.Parse(stored.Body)!["resourceType"]!.GetValue<string>());
        // The narrative without its div was read with a warning, not refused.
        Assert.Contains(JsonNode.Parse(stored.Body)!["issue"]!.AsArray(), i => i!["severity"]!.GetValue<string>() == "warning");
        Assert.Contains("Already stored", again.Body, StringComparison.Ordinal);
        Assert.Equal("hemoglobin a1c", Assert.Single(await Stored.ResultsAsync(await TestPortal.GetAsync(), patientId))["testName"]!.GetValue<string>().ToLowerInvariant());
    }

    [Fact]
    public async Task Only_labs_push_and_an_unknown_media_type_is_415()
    {
        var api = await PortalApi.CreateAsync();
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var labToken = await LabTokenAsync(api);

        var asClinician = await PushAsync(api, clinician, Oru(NewControlId(), (new Patient("X", "Y", "Z", new DateOnly(2000, 1, 1)), [HbA1c("O", "5")])));
        var asXml = await PushAsync(api, labToken, "<xml/>", "application/xml");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.UnsupportedMediaType), (asClinician.Status, asXml.Status));
    }

    internal static async Task<JsonObject> UnmatchedAsync(PortalApi api, string token, string family) =>
        await FindUnmatchedAsync(api, token, family) ?? throw new Xunit.Sdk.XunitException($"No open unmatched entry for {family}.");

    internal static async Task<JsonObject?> FindUnmatchedAsync(PortalApi api, string token, string family)
    {
        string? continuation = null;
        do
        {
            using var response = await api.GetAsync($"api/labs/unmatched?pageSize=100{(continuation is null ? "" : "&continuationToken=" + Uri.EscapeDataString(continuation))}", token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await PortalApi.ReadJsonAsync(response);
            if (page["items"]!.AsArray().FirstOrDefault(i => i!["patient"]!["familyName"]?.GetValue<string>() == family) is JsonObject found)
            {
                return found;
            }

            continuation = page["continuationToken"]?.GetValue<string>();
        }
        while (continuation is not null);
        return null;
    }
}
