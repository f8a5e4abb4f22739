using System.Net;
using Ical.Net;
using Portal.IntegrationTests.Api;
using static System.Net.HttpStatusCode;

namespace Portal.IntegrationTests.Scheduling;

/// <summary>Appointments in calendar apps: the .ics of one visit and the subscription feed, parsed back with Ical.Net.</summary>
public class CalendarTests
{
    [Fact]
    public async Task The_feed_follows_a_visit_through_a_move_and_a_cancel_with_one_uid_and_stops_when_revoked()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var start = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(2));
        var booked = await clinic.BookAsync(patient, patientId, clinic.FollowUp, start);
        var appointmentId = booked.Body["appointmentId"]!.GetValue<string>();
        var path = $"api/patients/{patientId}/appointments/{appointmentId}";

        // One visit's file: local time in the clinic's zone, no reason.
        using var file = await api.GetAsync($"{path}/calendar.ics", patient);
        Assert.Equal(("text/calendar", OK), (file.Content.Headers.ContentType!.MediaType, file.StatusCode));
        var text = await file.Content.ReadAsStringAsync();
        Assert.DoesNotContain("blood pressure", text, StringComparison.OrdinalIgnoreCase);
        var single = Calendar.Load(text)!.Events.Single();
        var chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        Assert.Equal(("America/Chicago", TimeZoneInfo.ConvertTime(start, chicago).DateTime), (single.Start!.TzId, single.Start.Value));
        Assert.Equal(start.UtcDateTime, single.Start.AsUtc);

        // The patient makes the subscription (with MFA); the feed itself needs no sign-in.
        var caregiver = await api.CaregiverAsync(patientId, "appointments.read");
        var feed = (await SchedulingClinic.PostAsync(api, $"api/patients/{patientId}/calendar-feed", patient)).Body;
        var feedPath = feed["path"]!.GetValue<string>().TrimStart('/');
        var first = await FeedAsync(api, feedPath);
        var uid = Assert.Single(first.Events).Uid;
        Assert.Equal((0, "CONFIRMED"), (first.Events.Single().Sequence, first.Events.Single().Status));

        var later = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(3));
        Assert.Equal(OK, (await SchedulingClinic.PostAsync(api, $"{path}/reschedule", patient, new { start = later, providerId = (string?)null })).Status);
        var moved = (await FeedAsync(api, feedPath)).Events.Single();
        Assert.Equal((uid, 1, later.UtcDateTime), (moved.Uid, moved.Sequence, moved.Start!.AsUtc));

        Assert.Equal(OK, (await SchedulingClinic.PostAsync(api, $"{path}/cancel", patient)).Status);
        var cancelled = (await FeedAsync(api, feedPath)).Events.Single();
        Assert.Equal((uid, 2, "CANCELLED"), (cancelled.Uid, cancelled.Sequence, cancelled.Status));

        // A new address ends the old one; revoking ends the new one.
        var replaced = (await SchedulingClinic.PostAsync(api, $"api/patients/{patientId}/calendar-feed", caregiver)).Body["path"]!.GetValue<string>().TrimStart('/');
        using (var old = await api.GetAsync(feedPath, null))
        {
            await PortalApi.AssertProblemAsync(old, NotFound);
        }

        using (var revoked = await api.SendAsync(HttpMethod.Delete, $"api/patients/{patientId}/calendar-feed", patient))
        {
            Assert.Equal(NoContent, revoked.StatusCode);
        }

        using var gone = await api.GetAsync(replaced, null);
        await PortalApi.AssertProblemAsync(gone, NotFound);
    }

    [Fact]
    public async Task Feeds_are_made_by_the_patients_side_with_mfa_and_files_are_read_as_the_appointment()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, subject) = await api.NewActivatedPatientAsync();
        var start = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(2));
        var appointmentId = (await clinic.BookAsync(patient, patientId, clinic.FollowUp, start)).Body["appointmentId"]!.GetValue<string>();
        var callers = new (string Name, string Token)[]
        {
            ("self", patient),
            ("self without MFA", await api.TokenAsync(subject, mfa: false)),
            ("caregiver appointments.read", await api.CaregiverAsync(patientId, "appointments.read")),
            ("caregiver results.read", await api.CaregiverAsync(patientId, "results.read")),
            ("FrontDesk", await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"])),
            ("Billing", await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"])),
            ("stranger", await api.TokenAsync(PortalApi.UniqueSubject("stranger"))),
        };

        // (file, create feed, revoke feed)
        string[] expected = ["OK,Created,NoContent", "OK,Unauthorized,NotFound", "OK,Created,NoContent", "Forbidden,Forbidden,Forbidden", "OK,Forbidden,Forbidden", "Forbidden,Forbidden,Forbidden", "NotFound,NotFound,NotFound"];
        var actual = new List<string>();
        foreach (var (_, token) in callers)
        {
            using var file = await api.GetAsync($"api/patients/{patientId}/appointments/{appointmentId}/calendar.ics", token);
            using var create = await api.SendAsync(HttpMethod.Post, $"api/patients/{patientId}/calendar-feed", token);
            using var revoke = await api.SendAsync(HttpMethod.Delete, $"api/patients/{patientId}/calendar-feed", token);
            actual.Add($"{file.StatusCode},{create.StatusCode},{revoke.StatusCode}");
        }

        Assert.Equal(callers.Zip(expected).Select(c => (c.First.Name, c.Second)), callers.Zip(actual).Select(c => (c.First.Name, c.Second)));
    }

    private static async Task<Calendar> FeedAsync(PortalApi api, string path)
    {
        using var response = await api.GetAsync(path, null);
        Assert.Equal(OK, response.StatusCode);
        return Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }
}
