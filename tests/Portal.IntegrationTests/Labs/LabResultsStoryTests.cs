using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Portal.Core.Audit;
using Portal.Core.Labs.Results;
using Portal.Core.Notifications;
using Portal.IntegrationTests.Api;
using static Portal.IntegrationTests.Labs.LabMessages;

namespace Portal.IntegrationTests.Labs;

/// <summary>A patient reads their results: the list, one result explained in their language, a trend and its chart; holds and release.</summary>
public class LabResultsStoryTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static async Task<JsonObject> GetJsonAsync(PortalApi api, string path, string token, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await api.GetAsync(path, token);
        Assert.Equal(status, response.StatusCode);
        return await PortalApi.ReadJsonAsync(response);
    }

    [Fact]
    public async Task A_patient_reads_a_high_ldl_explained_in_spanish_and_sees_their_hba1c_trend()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, lab) = await LabIngestionTests.PatientAsync(api);
        var labToken = await LabIngestionTests.LabTokenAsync(api);
        using (var profile = await api.GetAsync($"api/patients/{patientId}/profile", patient))
        {
            using var patched = await api.SendAsync(HttpMethod.Patch, $"api/patients/{patientId}/profile", patient, """{"preferredLanguage":"es-MX"}""", profile.Headers.ETag!.ToString(), "application/merge-patch+json");
            Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        }

        await LabIngestionTests.PushAsync(api, labToken, Oru(NewControlId(), (lab, [Lipids("L-" + NewControlId())])));
        foreach (var (value, month) in new[] { ("7.4", 1), ("6.9", 5), ("6.3", 9) })
        {
            var message = Oru(NewControlId(), (lab, [HbA1c("A-" + NewControlId(), value, "H")])).Replace("20250301083000", $"2025{month:D2}01083000", StringComparison.Ordinal);
            await LabIngestionTests.PushAsync(api, labToken, message);
        }

        var list = await GetJsonAsync(api, $"api/patients/{patientId}/results", patient);
        var items = list["items"]!.AsArray();
        Assert.Equal(4, items.Count);
        Assert.All(items, i => Assert.False(i!["reviewed"]!.GetValue<bool>()));
        Assert.All(items, i => Assert.Null(i!["release"]));
        var lipids = items.Single(i => i!["testName"]!.GetValue<string>() == "Lipid panel")!;
        Assert.Contains("high", lipids["flags"]!.AsArray().Select(f => f!.GetValue<string>()));

        var detail = await GetJsonAsync(api, $"api/patients/{patientId}/results/{lipids["resultId"]}", patient);
        var ldl = detail["observations"]!.AsArray().Single(o => o!["loinc"]!.GetValue<string>() == "13457-7")!;
        Assert.Equal(("es", "162", "mg/dL"), (ldl["explanation"]!["language"]!.GetValue<string>(), ldl["value"]!.GetValue<string>(), ldl["unit"]!.GetValue<string>()));
        Assert.StartsWith("Un nivel alto", ldl["explanation"]!["yourValue"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Test Lab", detail["performingLab"]!.GetValue<string>(), StringComparison.Ordinal);
        var again = await GetJsonAsync(api, $"api/patients/{patientId}/results", patient);
        Assert.True(again["items"]!.AsArray().Single(i => i!["resultId"]!.GetValue<string>() == lipids["resultId"]!.GetValue<string>())!["reviewed"]!.GetValue<bool>());

        var trend = await GetJsonAsync(api, $"api/patients/{patientId}/results/trends?code=4548-4", patient);
        Assert.Equal([7.4m, 6.9m, 6.3m], trend["points"]!.AsArray().Select(p => p!["value"]!.GetValue<decimal>()));
        Assert.Equal("%", trend["unit"]!.GetValue<string>());

        using var chart = await api.GetAsync($"api/patients/{patientId}/results/trends.svg?code=4548-4", patient);
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType!.MediaType);
        var svg = XDocument.Parse(await chart.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("img", svg.Root!.Attribute("role")!.Value);
        Assert.StartsWith("Hemoglobina A1c", svg.Root.Element(ns + "title")!.Value, StringComparison.Ordinal);
        Assert.Contains("7,4", svg.Root.Element(ns + "desc")!.Value.Replace("7.4", "7,4", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(3, svg.Descendants(ns + "path").Count(p => p.Attribute("data-flag") is not null));
    }

    [Fact]
    public async Task A_patients_own_hold_keeps_pathology_back_until_a_clinician_releases_it_with_a_comment()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, lab) = await LabIngestionTests.PatientAsync(api);
        var labToken = await LabIngestionTests.LabTokenAsync(api);
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var choices = $"api/patients/{patientId}/results/hold-preferences";
        using (var read = await api.GetAsync(choices, patient))
        {
            using var saved = await api.SendAsync(HttpMethod.Put, choices, patient, """{"holds":[{"category":"pathology","days":7},{"category":"genetics","days":3}]}""", read.Headers.ETag!.ToString());
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var biopsy = new Order("P-" + NewControlId(), "22634-0", "Pathology report", "F", [("22637-3", "Final diagnosis", "See report", "", "", "")], ServiceSection: "SP");
        await LabIngestionTests.PushAsync(api, labToken, Oru(NewControlId(), (lab, [biopsy, HbA1c("A-" + NewControlId(), "5.2")])));

        var patientSees = (await GetJsonAsync(api, $"api/patients/{patientId}/results", patient))["items"]!.AsArray();
        var staffSees = (await GetJsonAsync(api, $"api/patients/{patientId}/results", clinician))["items"]!.AsArray();
        Assert.Equal(["Hemoglobin A1c"], patientSees.Select(i => i!["testName"]!.GetValue<string>()));
        var held = staffSees.Single(i => i!["testName"]!.GetValue<string>() == "Pathology report")!;
        Assert.Equal("heldByPatientChoice", held["release"]!.GetValue<string>());
        Assert.Contains("patient's choice", held["hold"]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        var resultPath = $"api/patients/{patientId}/results/{held["resultId"]}";
        await GetJsonAsync(api, resultPath, patient, HttpStatusCode.NotFound);
        var portal = await TestPortal.GetAsync();
        var noticesBefore = (await Stored.NoticesAsync(portal, patientId)).Count;

        using var released = await api.SendAsync(HttpMethod.Post, $"{resultPath}/release", clinician, """{"comment":"Benign, no action needed."}""");

        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        var detail = await GetJsonAsync(api, resultPath, patient);
        Assert.Equal("Benign, no action needed.", detail["comment"]!["text"]!.GetValue<string>());
        Assert.Null(detail["holdHistory"]);
        var staffDetail = await GetJsonAsync(api, resultPath, clinician);
        Assert.Equal(["held", "released"], staffDetail["holdHistory"]!.AsArray().Select(h => h!["action"]!.GetValue<string>()));
        var notices = await Stored.NoticesAsync(portal, patientId);
        Assert.Equal(noticesBefore + 1, notices.Count);
        Assert.All(notices, n => Assert.Equal("newResult", n["kind"]!.GetValue<string>()));
        Assert.All(notices, n => Assert.DoesNotContain("athology", n.ToJsonString(), StringComparison.Ordinal));
        Assert.All(notices, n => Assert.DoesNotContain("A1c", n.ToJsonString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_clinicians_hold_ends_when_the_timer_reaches_its_end_date()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, lab) = await LabIngestionTests.PatientAsync(api);
        var labToken = await LabIngestionTests.LabTokenAsync(api);
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        await LabIngestionTests.PushAsync(api, labToken, Oru(NewControlId(), (lab, [HbA1c("A-" + NewControlId(), "9.8", "HH")])));
        var resultId = (await GetJsonAsync(api, $"api/patients/{patientId}/results", clinician))["items"]![0]!["resultId"]!.GetValue<string>();
        var until = DateTimeOffset.UtcNow.AddDays(2);

        using var tooLong = await api.SendAsync(HttpMethod.Post, $"api/patients/{patientId}/results/{resultId}/hold", clinician,
            JsonSerializer.Serialize(new { reason = "Discuss in person first.", until = DateTimeOffset.UtcNow.AddDays(60) }));
        using var hold = await api.SendAsync(HttpMethod.Post, $"api/patients/{patientId}/results/{resultId}/hold", clinician,
            JsonSerializer.Serialize(new { reason = "Discuss in person first: new diagnosis.", until }));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.OK), (tooLong.StatusCode, hold.StatusCode));
        Assert.Empty((await GetJsonAsync(api, $"api/patients/{patientId}/results", patient))["items"]!.AsArray());

        var portal = await TestPortal.GetAsync();
        var results = portal.Services.GetRequiredService<ILabResults>();
        var timer = new ReleaseDueResults(results, Mock.Of<INoticeQueue>(), portal.Services.GetRequiredService<IAuditLog>(), new Clock(until.AddMinutes(1)), NullLogger<ReleaseDueResults>.Instance);
        var earlyTimer = new ReleaseDueResults(results, Mock.Of<INoticeQueue>(), portal.Services.GetRequiredService<IAuditLog>(), new Clock(until.AddMinutes(-1)), NullLogger<ReleaseDueResults>.Instance);

        await earlyTimer.ExecuteAsync(default);
        Assert.Empty((await GetJsonAsync(api, $"api/patients/{patientId}/results", patient))["items"]!.AsArray());
        await timer.ExecuteAsync(default);

        Assert.Single((await GetJsonAsync(api, $"api/patients/{patientId}/results", patient))["items"]!.AsArray());
        Assert.Null((await results.FindAsync(patientId, resultId, default))!.Value.Hold);
    }
}
