using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Record;
using Portal.IntegrationTests.Api;
using Portal.LocalHost;

namespace Portal.IntegrationTests.Record;

/// <summary>
/// The right to amend end to end, on a portal whose clock the test moves: the 60-day deadline, the one 30-day
/// extension, an accepted correction kept in the item's history, a denial with what the rule requires, and a statement
/// of disagreement. Tokens are issued while the clock still agrees with the real one (their validation uses real time).
/// </summary>
public class AmendmentStoryTests
{
    private static readonly SharedFixture<(LocalPortal Portal, TestClock Clock)> Clocked = new("clocked portal", async () =>
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var portal = await TestPortal.StartAsync(
            configuration: new Dictionary<string, string?> { ["Clinic:Phone"] = "+1 312 555 0100", ["Amendments:ContactTitle"] = "Privacy Officer (Dana Reyes)" },
            configureServices: services => services.AddSingleton<TimeProvider>(clock));
        return (portal, clock);
    });

    [Fact]
    public async Task A_request_is_due_in_60_days_extended_once_by_30_then_accepted_with_the_correction_kept_in_the_items_history()
    {
        var (portal, clock, api, patientId, patient, clinician, seeded) = await StartAsync();
        var admin = await api.TokenAsync(PortalApi.UniqueSubject("admin"), ["Admin"], name: "Taylor Ross");
        var received = clock.Now;

        var filed = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments", patient,
            new { section = "allergies", itemId = seeded.AllergyId, whatIsWrong = "I never had hives from penicillin; it was a rash.", shouldSay = "Reaction: rash" }, key: "amend-1");
        Assert.Equal(HttpStatusCode.Created, filed.Status);
        var requestId = filed.Body["requestId"]!.GetValue<string>();
        Assert.Equal((received.AddDays(60), "received", "Penicillin", 1),
            (filed.Body["dueAt"]!.GetValue<DateTimeOffset>(), filed.Body["state"]!.GetValue<string>(), filed.Body["target"]!["label"]!.GetValue<string>(), filed.Body["target"]!["version"]!.GetValue<int>()));
        var retried = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments", patient,
            new { section = "allergies", itemId = seeded.AllergyId, whatIsWrong = "I never had hives from penicillin; it was a rash.", shouldSay = "Reaction: rash" }, key: "amend-1");
        Assert.Equal(requestId, retried.Body["requestId"]!.GetValue<string>());

        // The staff's queue: oldest first, with the due date; the patient's side and the front desk may not see it.
        var queued = await QueuedAsync(api, admin, requestId);
        Assert.Equal((60, false, "allergies"), (queued["daysLeft"]!.GetValue<int>(), queued["overdue"]!.GetValue<bool>(), queued["section"]!.GetValue<string>()));
        using (var forPatient = await api.GetAsync("api/amendments", patient))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forPatient.StatusCode);
        }

        // Day 59: one extension, with a reason the patient reads; a second is refused.
        clock.Now = received.AddDays(59);
        Assert.Equal(1, (await QueuedAsync(api, clinician, requestId))["daysLeft"]!.GetValue<int>());
        var detail = await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/amendments/{requestId}", clinician, null);
        var extended = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments/{requestId}/extend", admin,
            new { reason = "We are waiting for the allergist's records from Mercy Hospital." }, ifMatch: detail.ETag);
        Assert.Equal(HttpStatusCode.OK, extended.Status);
        Assert.Equal((received.AddDays(90), received.AddDays(60), "We are waiting for the allergist's records from Mercy Hospital."),
            (extended.Body["dueAt"]!.GetValue<DateTimeOffset>(), extended.Body["extension"]!["previousDueAt"]!.GetValue<DateTimeOffset>(), extended.Body["extension"]!["reason"]!.GetValue<string>()));
        var again = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments/{requestId}/extend", admin, new { reason = "More time." }, ifMatch: extended.ETag);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        var stale = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments/{requestId}/deny", admin,
            new { ground = "accurateAndComplete", basis = "x" }, ifMatch: detail.ETag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        var noETag = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments/{requestId}/deny", admin, new { ground = "accurateAndComplete", basis = "x" });
        Assert.Equal((HttpStatusCode)428, noETag.Status);

        // Day 75: past the first deadline but within the extended one; the clinician accepts with the correction.
        clock.Now = received.AddDays(75);
        Assert.False((await QueuedAsync(api, clinician, requestId))["overdue"]!.GetValue<bool>());
        var current = await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/amendments/{requestId}", clinician, null);
        var item = current.Body["item"]!.AsObject();
        var correction = item["content"]!.DeepClone().AsObject();
        correction["allergy"]!["reactions"] = new JsonArray("Rash");
        var accepted = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments/{requestId}/accept", clinician,
            new { note = "Corrected the reaction to rash.", correction, itemVersion = item["version"]!.GetValue<int>() }, ifMatch: current.ETag);
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Equal(("accepted", 2), (accepted.Body["state"]!.GetValue<string>(), accepted.Body["acceptance"]!["correctedVersion"]!.GetValue<int>()));
        var twice = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments/{requestId}/accept", clinician,
            new { note = "Again.", correction, itemVersion = 2 }, ifMatch: accepted.ETag);
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);

        var corrected = (await portal.Services.GetRequiredService<IHealthRecord>().FindAsync(patientId, RecordSection.Allergies, seeded.AllergyId, default))!.Value;
        Assert.Equal((2, "Rash", "Hives", $"Amendment request {requestId} accepted"),
            (corrected.Version, corrected.Content.Allergy!.Reactions.Single(), corrected.History[0].Content.Allergy!.Reactions.Single(), corrected.History[0].ChangeReason));
        await AssertNotAsync(api, clinician, requestId);

        // Each status change told the patient, without a word of what the request was about.
        var notices = (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/notifications", patient, null)).Body["items"]!.AsArray();
        Assert.Equal(["amendmentAccepted", "amendmentExtended"], notices.Select(n => n!["kind"]!.GetValue<string>()));
        Assert.All(notices, n => Assert.Equal($"/record/amendments/{requestId}", n!["link"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_denial_carries_what_the_rule_requires_the_patient_files_a_statement_and_a_late_request_shows_overdue()
    {
        var (_, clock, api, patientId, patient, clinician, seeded) = await StartAsync();
        var received = clock.Now;
        var filed = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments", patient,
            new { whatIsWrong = "My record says I smoke.", shouldSay = "Never smoker." });
        var requestId = filed.Body["requestId"]!.GetValue<string>();
        var late = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments", patient,
            new { section = "visits", itemId = seeded.VisitId, whatIsWrong = "Wrong reason.", shouldSay = "Knee pain." });
        Assert.True(late.Status == HttpStatusCode.Created, late.Body.ToJsonString());
        var lateId = late.Body["requestId"]!.GetValue<string>();

        // The care team does not file requests; the patient's side does not decide them.
        var byClinician = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments", clinician, new { whatIsWrong = "a", shouldSay = "b" });
        var byPatient = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments/{requestId}/deny", patient,
            new { ground = "accurateAndComplete", basis = "x" }, ifMatch: filed.ETag);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (byClinician.Status, byPatient.Status));
        var noDenialYet = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments/{requestId}/disagreement", patient, new { statement = "No." }, ifMatch: filed.ETag);
        Assert.Equal(HttpStatusCode.Conflict, noDenialYet.Status);

        var denied = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments/{requestId}/deny", clinician,
            new { ground = "accurateAndComplete", basis = "Your intake form of March 2025, which you signed, says you smoke half a pack a day." }, ifMatch: filed.ETag);
        Assert.Equal(HttpStatusCode.OK, denied.Status);
        var denial = denied.Body["denial"]!;
        Assert.Equal("accurateAndComplete", denial["ground"]!.GetValue<string>());
        Assert.Contains("intake form", denial["basis"]!.GetValue<string>());
        Assert.Contains("statement of disagreement", denial["disagreementRights"]!.GetValue<string>());
        Assert.Contains("Privacy Officer (Dana Reyes)", denial["disagreementRights"]!.GetValue<string>());
        Assert.Contains("future disclosure", denial["futureDisclosures"]!.GetValue<string>());
        Assert.Contains("Privacy Officer (Dana Reyes) at +1 312 555 0100", denial["complaints"]!.GetValue<string>());
        Assert.Contains("Secretary of the U.S. Department of Health and Human Services", denial["complaints"]!.GetValue<string>());

        var statement = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments/{requestId}/disagreement", patient,
            new { statement = "I have never smoked; the form was someone else's." }, ifMatch: denied.ETag);
        Assert.Equal((HttpStatusCode.OK, "I have never smoked; the form was someone else's."), (statement.Status, statement.Body["disagreement"]!["statement"]!.GetValue<string>()));
        var second = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments/{requestId}/disagreement", patient, new { statement = "Again." }, ifMatch: statement.ETag);
        Assert.Equal(HttpStatusCode.Conflict, second.Status);

        // A request about an item is listed with the item.
        var aboutVisit = (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/amendments?itemId={seeded.VisitId}", patient, null)).Body["items"]!.AsArray();
        Assert.Equal([lateId], aboutVisit.Select(r => r!["requestId"]!.GetValue<string>()));

        // Day 61 without an answer: overdue, and too late to extend.
        clock.Now = received.AddDays(61);
        var queued = await QueuedAsync(api, clinician, lateId);
        Assert.Equal((true, -1), (queued["overdue"]!.GetValue<bool>(), queued["daysLeft"]!.GetValue<int>()));
        var tooLate = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments/{lateId}/extend", clinician, new { reason = "Busy." }, ifMatch: late.ETag);
        Assert.Equal(HttpStatusCode.Conflict, tooLate.Status);
        await AssertNotAsync(api, clinician, requestId);
    }

    [Fact]
    public async Task A_caregiver_files_with_records_write_and_never_sees_requests_about_confidential_items()
    {
        var (_, _, api, patientId, patient, _, seeded) = await StartAsync();
        var writer = await api.CaregiverAsync(patientId, "records.write");
        var reader = await api.CaregiverAsync(patientId, "records.read");

        var secret = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments", patient,
            new { section = "problems", itemId = seeded.ConfidentialProblemId, whatIsWrong = "Not anxiety.", shouldSay = "Stress at school." });
        Assert.True(secret.Body["confidential"]!.GetValue<bool>());
        var byCaregiver = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments", writer,
            new { section = "problems", itemId = seeded.ConfidentialProblemId, whatIsWrong = "x", shouldSay = "y" });
        Assert.Equal(HttpStatusCode.BadRequest, byCaregiver.Status);
        var filed = await SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/amendments", writer,
            new { section = "allergies", itemId = seeded.AllergyId, whatIsWrong = "Wrong year.", shouldSay = "2011" });
        Assert.Equal((HttpStatusCode.Created, patientId), (filed.Status, filed.Body["onBehalfOf"]!.GetValue<string>()));

        var listed = (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/amendments", reader, null)).Body["items"]!.AsArray();
        Assert.Equal([filed.Body["requestId"]!.GetValue<string>()], listed.Select(r => r!["requestId"]!.GetValue<string>()));
        var hidden = await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/amendments/{secret.Body["requestId"]}", reader, null);
        Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
        Assert.Equal(2, (await SendAsync(api, HttpMethod.Get, $"api/patients/{patientId}/amendments", patient, null)).Body["items"]!.AsArray().Count);
    }

    private static async Task<(LocalPortal Portal, TestClock Clock, PortalApi Api, string PatientId, string Patient, string Clinician, RecordFixtures.SeededRecord Seeded)> StartAsync()
    {
        var (portal, clock) = await Clocked.GetAsync();
        clock.Now = DateTimeOffset.UtcNow;
        var api = new PortalApi(new HttpClient { BaseAddress = portal.BaseAddress });
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var clinician = await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"], name: "Dr. Mei Chen");
        return (portal, clock, api, patientId, patient, clinician, await RecordFixtures.SeedAsync(portal.Services, patientId));
    }

    private static async Task<JsonObject> QueuedAsync(PortalApi api, string token, string requestId)
    {
        for (string? next = null; ;)
        {
            var page = await SendAsync(api, HttpMethod.Get, "api/amendments?pageSize=100" + (next is null ? "" : $"&continuationToken={next}"), token, null);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            var items = page.Body["items"]!.AsArray();
            var received = items.Select(i => i!["receivedAt"]!.GetValue<DateTimeOffset>()).ToList();
            Assert.Equal(received.Order(), received);
            if (items.FirstOrDefault(i => i!["requestId"]!.GetValue<string>() == requestId) is { } found)
            {
                return found.AsObject();
            }

            next = page.Body["continuationToken"]?.GetValue<string>() ?? throw new Xunit.Sdk.XunitException($"{requestId} is not in the queue.");
        }
    }

    private static async Task AssertNotAsync(PortalApi api, string token, string requestId)
    {
        var error = await Xunit.Record.ExceptionAsync(() => QueuedAsync(api, token, requestId));
        Assert.IsType<Xunit.Sdk.XunitException>(error);
    }

    internal static async Task<(HttpStatusCode Status, JsonObject Body, string? ETag)> SendAsync(
        PortalApi api, HttpMethod method, string path, string token, object? body, string? ifMatch = null, string? key = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        using var response = await api.SendAsync(request);
        return (response.StatusCode, await PortalApi.ReadJsonAsync(response), response.Headers.ETag?.ToString());
    }
}
