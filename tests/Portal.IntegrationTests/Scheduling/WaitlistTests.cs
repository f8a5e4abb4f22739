using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Scheduling;

/// <summary>"Tell me if an earlier slot opens": patients wait in line; a released time is offered to those it suits; the first to book wins.</summary>
public class WaitlistTests
{
    [Fact]
    public async Task A_cancelled_time_is_offered_to_the_first_waiting_patients_it_suits_and_the_first_to_book_it_wins()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (ana, anaToken, _) = await api.NewActivatedPatientAsync();
        var (ben, benToken, _) = await api.NewActivatedPatientAsync();
        var (cruz, cruzToken, _) = await api.NewActivatedPatientAsync();
        var (dee, deeToken, _) = await api.NewActivatedPatientAsync();

        // Ana holds the time two days out; Ben holds one five days out and wants something earlier.
        var early = await clinic.SlotAsync(anaToken, clinic.FollowUp, TimeSpan.FromDays(2));
        var late = await clinic.SlotAsync(benToken, clinic.FollowUp, TimeSpan.FromDays(5));
        var anas = (await clinic.BookAsync(anaToken, ana, clinic.FollowUp, early)).Body["appointmentId"]!.GetValue<string>();
        var bens = (await clinic.BookAsync(benToken, ben, clinic.FollowUp, late)).Body["appointmentId"]!.GetValue<string>();

        // Ben joins without dates: until his own visit. A retry with the key is the same entry; a second entry is refused.
        var joined = await JoinAsync(api, benToken, ben, new { visitTypeId = clinic.FollowUp, providerId = clinic.ProviderId, from = (string?)null, to = (string?)null }, "wait-ben-1");
        Assert.Equal(HttpStatusCode.Created, joined.Status);
        Assert.Equal(("waiting", late), (joined.Body["status"]!.GetValue<string>(), joined.Body["until"]!.GetValue<DateTimeOffset>()));
        var entryId = joined.Body["entryId"]!.GetValue<string>();
        Assert.Equal($"/api/patients/{ben}/waitlist/{entryId}", joined.Response.Headers.Location!.ToString());
        var retried = await JoinAsync(api, benToken, ben, new { visitTypeId = clinic.FollowUp, providerId = clinic.ProviderId, from = (string?)null, to = (string?)null }, "wait-ben-1");
        Assert.Equal((HttpStatusCode.Created, entryId), (retried.Status, retried.Body["entryId"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, (await JoinAsync(api, benToken, ben, new { visitTypeId = clinic.FollowUp, providerId = clinic.ProviderId, from = (string?)null, to = (string?)null })).Status);

        // Cruz wants only days after the early time; Dee (no visit yet) wants the whole coming week.
        var earlyDate = DateOnly.FromDateTime(early.UtcDateTime);
        Assert.Equal(HttpStatusCode.Created, (await JoinAsync(api, cruzToken, cruz, new { visitTypeId = clinic.FollowUp, providerId = clinic.ProviderId, from = earlyDate.AddDays(2), to = earlyDate.AddDays(6) })).Status);
        Assert.Equal(HttpStatusCode.Created, (await JoinAsync(api, deeToken, dee, new { visitTypeId = clinic.FollowUp, providerId = clinic.ProviderId, from = (string?)null, to = earlyDate.AddDays(6) })).Status);

        // Bad windows are 400 with the field; nothing is written.
        var past = await JoinAsync(api, deeToken, dee, new { visitTypeId = clinic.Approval, providerId = clinic.ProviderId, from = (string?)null, to = earlyDate.AddDays(-10) });
        Assert.Equal(HttpStatusCode.BadRequest, past.Status);
        Assert.NotNull(past.Body["errors"]!["to"]);
        var staffOnly = await JoinAsync(api, deeToken, dee, new { visitTypeId = clinic.StaffOnly, providerId = clinic.ProviderId, from = (string?)null, to = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, staffOnly.Status);

        // Ana cancels: Ben and Dee are told (an earlier time, nothing clinical); Cruz (outside her window) and Ana are not.
        Assert.Equal(HttpStatusCode.OK, (await SchedulingClinic.PostAsync(api, $"api/patients/{ana}/appointments/{anas}/cancel", anaToken)).Status);
        Assert.Single(await OffersAsync(api, ben, benToken));
        Assert.Single(await OffersAsync(api, dee, deeToken));
        Assert.Empty(await OffersAsync(api, cruz, cruzToken));
        Assert.Empty(await OffersAsync(api, ana, anaToken));
        Assert.Equal($"/waitlist/{entryId}", (await OffersAsync(api, ben, benToken))[0]["link"]!.GetValue<string>());

        // Ben moves his visit there first; Dee finds it gone (the normal race-proof booking).
        var moved = await SchedulingClinic.PostAsync(api, $"api/patients/{ben}/appointments/{bens}/reschedule", benToken, new { start = early, providerId = (string?)null });
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await clinic.BookAsync(deeToken, dee, clinic.FollowUp, early)).Status);

        // Ben's move released his later time: Cruz and Dee wanted those days and are told now; Ben (who holds an earlier visit now) is not.
        Assert.Single(await OffersAsync(api, cruz, cruzToken));
        Assert.Equal(2, (await OffersAsync(api, dee, deeToken)).Count);
        Assert.Single(await OffersAsync(api, ben, benToken));

        // Ben leaves the list (twice: the second answers with the entry as it is); the list shows it ended.
        using var leave = await api.SendAsync(HttpMethod.Delete, $"api/patients/{ben}/waitlist/{entryId}", benToken, ifMatch: "\"stale\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, leave.StatusCode);
        using var left = await api.SendAsync(HttpMethod.Delete, $"api/patients/{ben}/waitlist/{entryId}", benToken, ifMatch: joined.Body["eTag"]!.GetValue<string>());
        Assert.Equal("left", (await PortalApi.ReadJsonAsync(left))["status"]!.GetValue<string>());
        using var again = await api.SendAsync(HttpMethod.Delete, $"api/patients/{ben}/waitlist/{entryId}", benToken);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var listed = (await SchedulingClinic.GetAsync(api, $"api/patients/{ben}/waitlist", benToken))["items"]!.AsArray();
        Assert.Equal("left", Assert.Single(listed)!["status"]!.GetValue<string>());

        // Cancelling his visit now releases the early time again: Dee is told once more, Ben (off the list) is not.
        Assert.Equal(HttpStatusCode.OK, (await SchedulingClinic.PostAsync(api, $"api/patients/{ben}/appointments/{bens}/cancel", benToken)).Status);
        Assert.Equal(3, (await OffersAsync(api, dee, deeToken)).Count);
        Assert.Single(await OffersAsync(api, ben, benToken));
    }

    [Fact]
    public async Task A_declined_request_frees_its_time_for_the_line_of_its_visit_type()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (ana, anaToken, _) = await api.NewActivatedPatientAsync();
        var (ben, benToken, _) = await api.NewActivatedPatientAsync();
        var frontDesk = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]);
        var start = await clinic.SlotAsync(anaToken, clinic.Approval, TimeSpan.FromDays(3));
        var requested = (await clinic.BookAsync(anaToken, ana, clinic.Approval, start)).Body["appointmentId"]!.GetValue<string>();

        // Staff put Ben on the physical's line for him; a follow-up line of the same provider is another line.
        Assert.Equal(HttpStatusCode.Created, (await JoinAsync(api, frontDesk, ben, new { visitTypeId = clinic.Approval, providerId = clinic.ProviderId, from = (string?)null, to = (string?)null })).Status);
        var (cruz, cruzToken, _) = await api.NewActivatedPatientAsync();
        Assert.Equal(HttpStatusCode.Created, (await JoinAsync(api, cruzToken, cruz, new { visitTypeId = clinic.FollowUp, providerId = clinic.ProviderId, from = (string?)null, to = (string?)null })).Status);

        Assert.Equal(HttpStatusCode.OK, (await SchedulingClinic.PostAsync(api, $"api/patients/{ana}/appointments/{requested}/decline", frontDesk, new { reason = "Please book labs first." })).Status);
        Assert.Single(await OffersAsync(api, ben, benToken));
        Assert.Empty(await OffersAsync(api, cruz, cruzToken));
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> JoinAsync(PortalApi api, string token, string patientId, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/patients/{patientId}/waitlist")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token);
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var response = await api.SendAsync(request);
        return (response.StatusCode, await PortalApi.ReadJsonAsync(response), response);
    }

    private static async Task<List<JsonNode>> OffersAsync(PortalApi api, string patientId, string token) =>
        [.. (await SchedulingClinic.GetAsync(api, $"api/patients/{patientId}/notifications", token))["items"]!.AsArray()
            .Where(n => n!["kind"]!.GetValue<string>() == "waitlistSlotOpened").Select(n => n!)];
}
