using System.Net;
using System.Text.Json;
using Portal.IntegrationTests.Api;
using static Portal.IntegrationTests.Labs.LabMessages;

namespace Portal.IntegrationTests.Labs;

/// <summary>Who may do what with lab results: the patient, caregivers by scope, clinicians, other staff, labs (push, never read), strangers.</summary>
public class LabAuthorizationTests
{
    [Fact]
    public async Task Every_results_endpoint_answers_each_kind_of_caller_as_the_policy_says()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, lab) = await LabIngestionTests.PatientAsync(api);
        var labToken = await LabIngestionTests.LabTokenAsync(api);
        await LabIngestionTests.PushAsync(api, labToken, Oru(NewControlId(), (lab, [HbA1c("A-" + NewControlId(), "6.2", "H")])));
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var resultId = (await PortalApi.ReadJsonAsync(await api.GetAsync($"api/patients/{patientId}/results", clinician)))["items"]![0]!["resultId"]!.GetValue<string>();
        var callers = new Dictionary<string, string>
        {
            ["self"] = patient,
            ["caregiver results.read"] = await api.CaregiverAsync(patientId, "results.read"),
            ["caregiver results.write"] = await api.CaregiverAsync(patientId, "results.write"),
            ["caregiver messages.read"] = await api.CaregiverAsync(patientId, "messages.read"),
            ["Clinician"] = clinician,
            ["FrontDesk"] = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]),
            ["Billing"] = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]),
            ["Admin"] = await api.TokenAsync(PortalApi.UniqueSubject("admin"), ["Admin"]),
            ["Lab.Push"] = labToken,
            ["stranger"] = await api.TokenAsync(PortalApi.UniqueSubject("stranger")),
        };
        var results = $"api/patients/{patientId}/results";
        const HttpStatusCode ok = HttpStatusCode.OK, no = HttpStatusCode.Forbidden, gone = HttpStatusCode.NotFound;

        // (caller, list, read, trend, chart, choices, change choices, hold, release, unmatched queue, push)
        (string Caller, HttpStatusCode[] Expected)[] rows =
        [
            ("self", [ok, ok, ok, ok, ok, ok, no, no, no, no]),
            ("caregiver results.read", [ok, ok, ok, ok, ok, no, no, no, no, no]),
            ("caregiver results.write", [ok, ok, ok, ok, ok, ok, no, no, no, no]),
            ("caregiver messages.read", [no, no, no, no, no, no, no, no, no, no]),
            ("Clinician", [ok, ok, ok, ok, ok, no, ok, ok, ok, no]),
            ("FrontDesk", [no, no, no, no, no, no, no, no, no, no]),
            ("Billing", [no, no, no, no, no, no, no, no, no, no]),
            ("Admin", [no, no, no, no, no, no, no, no, ok, no]),
            ("Lab.Push", [no, no, no, no, no, no, no, no, no, ok]),
            ("stranger", [gone, gone, gone, gone, gone, gone, gone, gone, no, no]),
        ];
        var actual = new List<(string, HttpStatusCode[])>();
        foreach (var (caller, _) in rows)
        {
            var token = callers[caller];
            var statuses = new List<HttpStatusCode>();
            foreach (var path in new[] { results, $"{results}/{resultId}", $"{results}/trends?code=4548-4", $"{results}/trends.svg?code=4548-4", $"{results}/hold-preferences" })
            {
                using var response = await api.GetAsync(path, token);
                statuses.Add(response.StatusCode);
            }

            using (var change = await api.SendAsync(HttpMethod.Put, $"{results}/hold-preferences", token, """{"holds":[]}""", "*"))
            {
                statuses.Add(change.StatusCode);
            }

            using (var hold = await api.SendAsync(HttpMethod.Post, $"{results}/{resultId}/hold", token, JsonSerializer.Serialize(new { reason = "Discuss first.", until = DateTimeOffset.UtcNow.AddDays(1) })))
            {
                statuses.Add(hold.StatusCode);
            }

            using (var release = await api.SendAsync(HttpMethod.Post, $"{results}/{resultId}/release", token, """{"comment":null}"""))
            {
                statuses.Add(release.StatusCode);
            }

            using (var queue = await api.GetAsync("api/labs/unmatched?pageSize=1", token))
            {
                statuses.Add(queue.StatusCode);
            }

            statuses.Add((await LabIngestionTests.PushAsync(api, token, Oru(NewControlId(), (lab, [HbA1c("Z-" + NewControlId(), "5.0")])))).Status);
            actual.Add((caller, [.. statuses]));
        }

        Assert.Equal(rows.Select(r => $"{r.Caller}: {string.Join(",", r.Expected.Select(s => (int)s))}"), actual.Select(a => $"{a.Item1}: {string.Join(",", a.Item2.Select(s => (int)s))}"));
    }
}
