using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Record;
using Portal.IntegrationTests.Api;
using Portal.IntegrationTests.Record;
using static Portal.IntegrationTests.Journal.JournalCalls;

namespace Portal.IntegrationTests.Journal;

/// <summary>
/// The self-check computed from real use: two patients live six months on a portal whose clock moves — one who keeps
/// every habit, one who signed in once without MFA — and each gets the answers their own history earns.
/// </summary>
[Collection(ClockedPortal.Collection)]
public class SelfCheckStoryTests
{
    [Fact]
    public async Task A_patient_who_keeps_the_habits_gets_six_good_answers_and_one_who_does_not_gets_the_next_steps()
    {
        var (portal, clock, api) = await ClockedPortal.GetAsync();
        var now = DateTimeOffset.UtcNow;
        clock.Now = now;
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var (quietId, quiet, _) = await api.NewActivatedPatientAsync(mfa: false);
        var reader = await api.CaregiverAsync(patientId, "records.read");
        var resultsOnly = await api.CaregiverAsync(patientId, "results.read");
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var p = $"api/patients/{patientId}";

        // A visit posted 29 days ago.
        var visit = RecordSamples.Item(patientId, RecordSamples.Visit(now.AddDays(-30).ToString("yyyy-MM-ddTHH:mm:sszzz"))) with { RecordedAt = now.AddDays(-29) };
        await portal.Services.GetRequiredService<IHealthRecord>().WriteAsync(RecordSamples.Write(patientId, "sc" + Guid.NewGuid().ToString("N")[..12], visit), default);

        // Six months of use, at least once in every 30 days: each section once, the visit opened the day after it was posted.
        foreach (var (daysAgo, path) in new[]
        {
            (170, "profile"), (140, "record"), (110, "threads"), (80, "appointments"), (60, "billing"), (50, "results"),
            (28, $"visits/{visit.ItemId}"), (20, "journal"), (10, "access-log"),
        })
        {
            clock.Now = now.AddDays(-daysAgo);
            await GetAsync(api, $"{p}/{path}", patient);
        }

        clock.Now = now.AddDays(-5);
        foreach (var section in new[] { "profile", "medications", "allergies", "emergencyContacts" })
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(api, $"{p}/self-check/confirmations", patient, new { section })).Status);
        }

        clock.Now = now;
        var report = await GetAsync(api, $"{p}/self-check", patient);
        Assert.Equal(("patient", "en"), (report["viewer"]!.GetValue<string>(), report["language"]!.GetValue<string>()));
        Assert.Equal(
            [("reviewing", "good"), ("messaging", "good"), ("accuracy", "good"), ("loggingIn", "good"), ("security", "good"), ("exploring", "good")],
            Statuses(report));
        var reviewing = Answer(report, "reviewing");
        Assert.Equal((1m, 1m), (Number(reviewing, "posted"), Number(reviewing, "reviewedWithin7Days")));
        Assert.Equal(100m, Number(Answer(report, "security"), "percentMfa"));

        // The quiet patient: one sign-in without MFA, nothing confirmed, nothing explored — and nothing of the first patient.
        var other = await GetAsync(api, $"api/patients/{quietId}/self-check?lang=es", quiet);
        Assert.Equal(
            [("reviewing", "good"), ("messaging", "good"), ("accuracy", "needsAttention"), ("loggingIn", "needsAttention"), ("security", "needsAttention"), ("exploring", "needsAttention")],
            Statuses(other));
        Assert.StartsWith("¿", Answer(other, "accuracy")["question"]!.GetValue<string>());
        Assert.Equal(0m, Number(Answer(other, "reviewing"), "posted"));
        Assert.True(Number(Answer(other, "loggingIn"), "activeDays") <= 1);

        // A caregiver who reads the record sees the patient's habits (without the grants) and their own apart.
        var theirs = await GetAsync(api, $"{p}/self-check", reader);
        Assert.Equal(("caregiver", 2), (theirs["viewer"]!.GetValue<string>(), theirs["yourHabits"]!.AsArray().Count));
        Assert.Equal("good", Answer(theirs, "loggingIn")["status"]!.GetValue<string>());
        Assert.DoesNotContain(Answer(theirs, "security")["numbers"]!.AsArray(), n => n!["name"]!.GetValue<string>() == "activeCaregivers");
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(api, HttpMethod.Get, $"{p}/self-check", resultsOnly)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(api, HttpMethod.Get, $"{p}/self-check", clinician)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(api, HttpMethod.Get, $"{p}/self-check?lang=fr", patient)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(api, $"{p}/self-check/confirmations", patient, new { section = "insurance" })).Status);

        // A year later nothing is confirmed any more and the months are empty.
        clock.Now = now.AddMonths(13);
        var later = await GetAsync(api, $"{p}/self-check", patient);
        Assert.Equal("needsAttention", Answer(later, "accuracy")["status"]!.GetValue<string>());
        Assert.Equal(4m, Number(Answer(later, "accuracy"), "staleSections"));
        clock.Now = now;
    }

    private static JsonObject Answer(JsonObject report, string id) =>
        report["answers"]!.AsArray().Single(a => a!["id"]!.GetValue<string>() == id)!.AsObject();

    private static decimal Number(JsonObject answer, string name) =>
        answer["numbers"]!.AsArray().Single(n => n!["name"]!.GetValue<string>() == name)!["value"]!.GetValue<decimal>();

    private static IEnumerable<(string, string)> Statuses(JsonObject report) =>
        report["answers"]!.AsArray().Select(a => (a!["id"]!.GetValue<string>(), a["status"]!.GetValue<string>()));
}
