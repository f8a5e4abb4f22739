using System.Net;
using Portal.IntegrationTests.Api;
using static Portal.IntegrationTests.Journal.JournalCalls;

namespace Portal.IntegrationTests.Journal;

/// <summary>
/// Questions for the next visit on a portal whose clock moves: private while written, seen by the care team once the
/// check-in window opens (three days before, clinic time) or once shared, answered after the visit.
/// </summary>
[Collection(ClockedPortal.Collection)]
public class VisitQuestionTests
{
    [Fact]
    public async Task Questions_reach_the_care_team_at_check_in_or_when_shared_and_are_marked_answered_after_the_visit()
    {
        var (portal, clock, api) = await ClockedPortal.GetAsync();
        clock.Now = DateTimeOffset.UtcNow;
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]);
        var questions = $"api/patients/{patientId}/journal/questions";
        var start = clock.Now.AddDays(10);
        var appointmentId = await ClockedPortal.AppointmentAsync(portal, patientId, start);

        var tied = await PostAsync(api, questions, patient, new { text = "Can I lower the amlodipine?", appointmentId }, key: "q-1");
        Assert.Equal(HttpStatusCode.Created, tied.Status);
        Assert.Equal(tied.Body["questionId"]!.GetValue<string>(), (await PostAsync(api, questions, patient, new { text = "Can I lower the amlodipine?", appointmentId }, key: "q-1")).Body["questionId"]!.GetValue<string>());
        var next = await PostAsync(api, questions, patient, new { text = "Is my home cuff accurate?" });
        Assert.Equal((false, appointmentId), (next.Body["sharedWithCareTeam"]!.GetValue<bool>(), next.Body["visitAppointmentId"]!.GetValue<string>()));
        var opens = tied.Body["sharesAt"]!.GetValue<DateTimeOffset>();
        Assert.True(opens < start.AddDays(-2) && opens > start.AddDays(-4), $"{opens} for a visit at {start}");
        Assert.Empty((await GetAsync(api, questions, clinician))["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(api, questions, patient, new { text = "?", appointmentId = "appt-unknown" })).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(api, questions, patient, new { text = new string('?', 1_001) })).Status);

        // Shared by the patient: the care team sees it at once.
        var urgent = await PostAsync(api, questions, patient, new { text = "Why do I feel dizzy in the morning?" });
        var shared = await SendAsync(api, HttpMethod.Patch, $"{questions}/{urgent.Body["questionId"]}", patient, new { share = true }, ifMatch: urgent.ETag);
        Assert.True(shared.Body["sharedWithCareTeam"]!.GetValue<bool>());
        Assert.Single((await GetAsync(api, questions, clinician))["items"]!.AsArray());

        // The check-in window opens: every question for that visit is there.
        clock.Now = opens;
        Assert.Equal(3, (await GetAsync(api, questions, clinician))["items"]!.AsArray().Count);

        // Answered only once the visit has begun.
        var early = await SendAsync(api, HttpMethod.Patch, $"{questions}/{tied.Body["questionId"]}", patient, new { answered = true, answerNote = "Stay on 5 mg." }, ifMatch: tied.ETag);
        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        clock.Now = start.AddMinutes(30);
        var answered = await SendAsync(api, HttpMethod.Patch, $"{questions}/{tied.Body["questionId"]}", patient, new { answered = true, answerNote = "Stay on 5 mg." }, ifMatch: tied.ETag);
        Assert.Equal((HttpStatusCode.OK, "Stay on 5 mg."), (answered.Status, answered.Body["answerNote"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(api, HttpMethod.Patch, $"{questions}/{tied.Body["questionId"]}", patient, new { text = "x" }, ifMatch: tied.ETag)).Status);
        Assert.Equal(2, (await GetAsync(api, questions, patient))["items"]!.AsArray().Count);
        Assert.Single((await GetAsync(api, $"{questions}?state=answered", patient))["items"]!.AsArray());

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(api, HttpMethod.Delete, $"{questions}/{next.Body["questionId"]}", patient, ifMatch: next.ETag)).Status);
        Assert.Equal(2, (await GetAsync(api, $"{questions}?state=all", patient))["items"]!.AsArray().Count);
    }
}
