using System.Net;
using Portal.IntegrationTests.Api;
using static Portal.IntegrationTests.Journal.JournalCalls;

namespace Portal.IntegrationTests.Journal;

/// <summary>Who may do what with the journal, the questions, the shares and the self-check: every endpoint, every kind of caller.</summary>
public class JournalAuthorizationTests
{
    [Fact]
    public async Task Every_endpoint_answers_each_kind_of_caller_as_the_policy_says()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var p = $"api/patients/{patientId}";
        var now = DateTimeOffset.UtcNow;
        var today = await ClinicTodayAsync();
        var shared = await PostAsync(api, $"{p}/journal", patient, Pressure(now.AddDays(-1)));
        await PostAsync(api, $"{p}/journal/shares", patient, new { from = today.AddDays(-2), until = today, @as = "fhir" });
        var callers = new Dictionary<string, string>
        {
            ["self"] = patient,
            ["caregiver records.write"] = await api.CaregiverAsync(patientId, "records.write"),
            ["caregiver records.read"] = await api.CaregiverAsync(patientId, "records.read"),
            ["caregiver results.read"] = await api.CaregiverAsync(patientId, "results.read"),
            ["Clinician"] = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]),
            ["FrontDesk"] = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]),
            ["Billing"] = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]),
            ["Admin"] = await api.TokenAsync(PortalApi.UniqueSubject("admin"), ["Admin"]),
            ["stranger"] = await api.TokenAsync(PortalApi.UniqueSubject("stranger")),
        };

        const HttpStatusCode Ok = HttpStatusCode.OK, Made = HttpStatusCode.Created, Gone = HttpStatusCode.NoContent, No = HttpStatusCode.Forbidden, Nobody = HttpStatusCode.NotFound;

        // (caller, add, list, read shared, edit patient's, delete patient's, ask, questions, change question, delete question, share, shares, self-check, confirm profile)
        (string Caller, HttpStatusCode[] Expected)[] rows =
        [
            ("self", [Made, Ok, Ok, Ok, Gone, Made, Ok, Ok, Gone, Made, Ok, Ok, Ok]),
            ("caregiver records.write", [Made, Ok, Ok, No, No, Made, Ok, Ok, Gone, Made, Ok, Ok, No]),
            ("caregiver records.read", [No, Ok, Ok, No, No, No, Ok, No, No, No, Ok, Ok, No]),
            ("caregiver results.read", [No, No, No, No, No, No, No, No, No, No, No, No, No]),
            ("Clinician", [No, Ok, Ok, No, No, No, Ok, No, No, No, Ok, No, No]),
            ("FrontDesk", [No, No, No, No, No, No, No, No, No, No, No, No, No]),
            ("Billing", [No, No, No, No, No, No, No, No, No, No, No, No, No]),
            ("Admin", [No, No, No, No, No, No, No, No, No, No, No, No, No]),
            ("stranger", [Nobody, Nobody, Nobody, Nobody, Nobody, Nobody, Nobody, Nobody, Nobody, Nobody, Nobody, Nobody, Nobody]),
        ];
        var actual = new List<(string, HttpStatusCode[])>();
        foreach (var (caller, _) in rows)
        {
            var token = callers[caller];
            var mine = await PostAsync(api, $"{p}/journal", patient, Symptom(now.AddHours(-2)));
            var asked = await PostAsync(api, $"{p}/journal/questions", patient, new { text = "What about my diet?" });
            var question = $"{p}/journal/questions/{asked.Body["questionId"]}";
            actual.Add((caller,
            [
                (await PostAsync(api, $"{p}/journal", token, Symptom(now.AddHours(-1)))).Status,
                (await SendAsync(api, HttpMethod.Get, $"{p}/journal", token)).Status,
                (await SendAsync(api, HttpMethod.Get, $"{p}/journal/{Id(shared.Body)}", token)).Status,
                (await SendAsync(api, HttpMethod.Put, $"{p}/journal/{Id(mine.Body)}", token, Symptom(now.AddHours(-2), "Cough"), ifMatch: mine.ETag)).Status,
                (await SendAsync(api, HttpMethod.Delete, $"{p}/journal/{Id(mine.Body)}", token, ifMatch: "*")).Status,
                (await PostAsync(api, $"{p}/journal/questions", token, new { text = "Do I need a flu shot?" })).Status,
                (await SendAsync(api, HttpMethod.Get, $"{p}/journal/questions", token)).Status,
                (await SendAsync(api, HttpMethod.Patch, question, token, new { text = "What about my diet and salt?" }, ifMatch: asked.ETag)).Status,
                (await SendAsync(api, HttpMethod.Delete, question, token, ifMatch: "*")).Status,
                (await PostAsync(api, $"{p}/journal/shares", token, new { from = today.AddDays(-2), until = today, @as = "fhir" })).Status,
                (await SendAsync(api, HttpMethod.Get, $"{p}/journal/shares", token)).Status,
                (await SendAsync(api, HttpMethod.Get, $"{p}/self-check", token)).Status,
                (await PostAsync(api, $"{p}/self-check/confirmations", token, new { section = "profile" })).Status,
            ]));
        }

        Assert.Equal(rows.Select(r => $"{r.Caller}: {string.Join(" ", r.Expected.Select(s => (int)s))}"), actual.Select(a => $"{a.Item1}: {string.Join(" ", a.Item2.Select(s => (int)s))}"));
    }
}
