using System.Net;
using System.Text.Json;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Scheduling;

/// <summary>A clinic sets up its schedule; a patient books, sees, moves and cancels a visit over real HTTP and Azurite.</summary>
public class SchedulingStoryTests
{
    [Fact]
    public async Task A_patient_books_sees_moves_and_cancels_a_visit_and_the_slots_follow()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();

        // The patient finds an open slot two days out and books it.
        var start = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(2));
        var booked = await clinic.BookAsync(patient, patientId, clinic.FollowUp, start, key: "story-book-1");
        Assert.Equal(HttpStatusCode.Created, booked.Status);
        Assert.Equal("booked", booked.Body["status"]!.GetValue<string>());
        var appointmentId = booked.Body["appointmentId"]!.GetValue<string>();
        Assert.Equal($"/api/patients/{patientId}/appointments/{appointmentId}", booked.Response.Headers.Location!.ToString());
        Assert.Equal(start, booked.Body["start"]!.GetValue<DateTimeOffset>());

        // A retry with the same key is the same appointment; the slot is gone from the search.
        var retried = await clinic.BookAsync(patient, patientId, clinic.FollowUp, start, key: "story-book-1");
        Assert.Equal((HttpStatusCode.Created, appointmentId), (retried.Status, retried.Body["appointmentId"]!.GetValue<string>()));
        Assert.DoesNotContain(await clinic.SlotsAsync(patient, clinic.FollowUp, DateOnly.FromDateTime(start.UtcDateTime.AddDays(-1)), DateOnly.FromDateTime(start.UtcDateTime.AddDays(1))),
            s => s!["start"]!.GetValue<DateTimeOffset>() == start);

        // Upcoming: the place with its address and map link, the preparation; the notice says only "booked".
        var upcoming = (await SchedulingClinic.GetAsync(api, $"api/patients/{patientId}/appointments?when=upcoming", patient))["items"]!.AsArray();
        var listed = Assert.Single(upcoming)!;
        Assert.Equal("3000 N Halsted St, Chicago, IL 60657", listed["location"]!["address"]!.GetValue<string>());
        Assert.StartsWith("https://www.google.com/maps/search/?api=1&query=3000%20N%20Halsted", listed["location"]!["mapUrl"]!.GetValue<string>());
        Assert.Equal("Bring your medications and insurance card.", listed["preparation"]!.GetValue<string>());
        Assert.Null(listed["joinUrl"]);
        var notices = (await SchedulingClinic.GetAsync(api, $"api/patients/{patientId}/notifications", patient))["items"]!.AsArray();
        Assert.Contains(notices, n => n!["kind"]!.GetValue<string>() == "appointmentBooked" && n["link"]!.GetValue<string>() == $"/appointments/{appointmentId}");

        // Moved to another slot: the new time is taken, the old one is open again.
        var later = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(3));
        var moved = await SchedulingClinic.PostAsync(api, $"api/patients/{patientId}/appointments/{appointmentId}/reschedule", patient, new { start = later, providerId = (string?)null });
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Equal((later, 1), (moved.Body["start"]!.GetValue<DateTimeOffset>(), moved.Body["sequence"]!.GetValue<int>()));
        var around = await clinic.SlotsAsync(patient, clinic.FollowUp, DateOnly.FromDateTime(start.UtcDateTime.AddDays(-1)), DateOnly.FromDateTime(later.UtcDateTime.AddDays(1)));
        Assert.Contains(around, s => s!["start"]!.GetValue<DateTimeOffset>() == start);
        Assert.DoesNotContain(around, s => s!["start"]!.GetValue<DateTimeOffset>() == later);

        // Cancelled well before the cutoff: the slot is open again, the visit is in the past list.
        var cancelled = await SchedulingClinic.PostAsync(api, $"api/patients/{patientId}/appointments/{appointmentId}/cancel", patient, ifMatch: moved.Body["eTag"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.OK, "cancelled"), (cancelled.Status, cancelled.Body["status"]!.GetValue<string>()));
        Assert.Contains(await clinic.SlotsAsync(patient, clinic.FollowUp, DateOnly.FromDateTime(later.UtcDateTime.AddDays(-1)), DateOnly.FromDateTime(later.UtcDateTime.AddDays(1))),
            s => s!["start"]!.GetValue<DateTimeOffset>() == later);
        Assert.Empty((await SchedulingClinic.GetAsync(api, $"api/patients/{patientId}/appointments", patient))["items"]!.AsArray());
        Assert.Single((await SchedulingClinic.GetAsync(api, $"api/patients/{patientId}/appointments?when=past", patient))["items"]!.AsArray());
        var again = await SchedulingClinic.PostAsync(api, $"api/patients/{patientId}/appointments/{appointmentId}/cancel", patient);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
    }

    [Fact]
    public async Task Setup_changes_need_the_etag_and_a_template_change_lists_the_bookings_it_leaves_out_without_removing_them()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var start = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(1));
        var booked = await clinic.BookAsync(patient, patientId, clinic.FollowUp, start);
        var appointmentId = booked.Body["appointmentId"]!.GetValue<string>();

        var setup = await SchedulingClinic.GetAsync(api, "api/clinic/setup", patient);
        var template = setup["templates"]!.AsArray().Single(t => t!["item"]!["providerId"]!.GetValue<string>() == clinic.ProviderId)!;
        var templateId = template["item"]!["id"]!.GetValue<string>();
        var eTag = template["eTag"]!.GetValue<string>();
        var evenings = template["item"]!.DeepClone().AsObject();
        evenings["start"] = "17:00:00";
        evenings["end"] = "20:00:00";

        using var withoutETag = await clinic.PutAsync("templates", templateId, evenings, ifMatch: null, token: clinic.Admin);
        await PortalApi.AssertProblemAsync(withoutETag, HttpStatusCode.PreconditionRequired);
        using var byPatient = await clinic.PutAsync("templates", templateId, evenings, eTag, token: patient);
        await PortalApi.AssertProblemAsync(byPatient, HttpStatusCode.Forbidden);
        using var changed = await clinic.PutAsync("templates", templateId, evenings, eTag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var change = await PortalApi.ReadJsonAsync(changed);
        var conflict = Assert.Single(change["conflicts"]!.AsArray())!;
        Assert.Equal((patientId, appointmentId, start), (conflict["patientId"]!.GetValue<string>(), conflict["appointmentId"]!.GetValue<string>(), conflict["start"]!.GetValue<DateTimeOffset>()));
        using var stale = await clinic.PutAsync("templates", templateId, evenings, eTag);
        await PortalApi.AssertProblemAsync(stale, HttpStatusCode.PreconditionFailed);

        // The booking stays, and no morning slot is offered any more.
        Assert.Single((await SchedulingClinic.GetAsync(api, $"api/patients/{patientId}/appointments", patient))["items"]!.AsArray());
        Assert.All(await clinic.SlotsAsync(patient, clinic.FollowUp), s => Assert.InRange(s!["start"]!.GetValue<DateTimeOffset>().Hour, 17, 19));

        using var badTemplate = await clinic.PutAsync("templates", "t-bad-" + Guid.NewGuid().ToString("N")[..6],
            new { id = "wrong", providerId = "nobody", locationId = clinic.LocationId, days = Array.Empty<string>(), start = "09:00:00", end = "08:00:00", visitTypeIds = (string[]?)null, validFrom = (string?)null, validTo = (string?)null },
            ifMatch: null, token: clinic.Admin);
        var problem = await PortalApi.AssertProblemAsync(badTemplate, HttpStatusCode.BadRequest);
        Assert.Equal(["days", "end", "id", "providerId"], problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Slots_outside_the_rules_are_refused_with_a_clear_problem_and_nothing_is_held()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api, minimumNoticeHours: 4);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var start = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(1));

        var misaligned = await clinic.BookAsync(patient, patientId, clinic.FollowUp, start.AddMinutes(5));
        var past = await clinic.BookAsync(patient, patientId, clinic.FollowUp, start.AddDays(-7));
        var beyond = await clinic.BookAsync(patient, patientId, clinic.FollowUp, start.AddDays(90));
        var staffOnly = await clinic.BookAsync(patient, patientId, clinic.StaffOnly, start);
        using var missingVisitType = await api.GetAsync($"api/schedule/slots?provider={clinic.ProviderId}", patient);

        foreach (var (status, body, _) in new[] { misaligned, past, beyond, staffOnly })
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
        }

        Assert.NotNull(misaligned.Body["errors"]!["start"]);
        Assert.NotNull(staffOnly.Body["errors"]!["visitTypeId"]);
        await PortalApi.AssertProblemAsync(missingVisitType, HttpStatusCode.BadRequest, "visitType");

        // Nothing was held: the slot is still open and bookable; a second, overlapping visit of the patient is 409.
        Assert.Equal(HttpStatusCode.Created, (await clinic.BookAsync(patient, patientId, clinic.FollowUp, start)).Status);
        var overlapping = await clinic.BookAsync(patient, patientId, clinic.Approval, start);
        Assert.Equal(HttpStatusCode.Conflict, overlapping.Status);
    }
}
