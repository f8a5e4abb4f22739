using System.Net;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Scheduling;

/// <summary>Requests that staff approve or decline, and the cancellation cutoff for patients and staff.</summary>
public class ApprovalAndCutoffTests
{
    [Fact]
    public async Task A_request_holds_its_slot_waits_in_the_queue_and_the_patient_is_told_when_staff_approve_or_decline()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var frontDesk = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]);
        var first = await clinic.SlotAsync(patient, clinic.Approval, TimeSpan.FromDays(2));
        var second = await clinic.SlotAsync(patient, clinic.Approval, TimeSpan.FromDays(4));

        var requested = await clinic.BookAsync(patient, patientId, clinic.Approval, first);
        var other = await clinic.BookAsync(patient, patientId, clinic.Approval, second);
        Assert.Equal((HttpStatusCode.Created, "requested"), (requested.Status, requested.Body["status"]!.GetValue<string>()));
        var holdUntil = requested.Body["holdUntil"]!.GetValue<DateTimeOffset>();
        Assert.InRange(holdUntil - DateTimeOffset.UtcNow, TimeSpan.FromHours(47.9), TimeSpan.FromHours(48));
        Assert.DoesNotContain(await clinic.SlotsAsync(patient, clinic.Approval), s => s!["start"]!.GetValue<DateTimeOffset>() == first);

        var queue = (await SchedulingClinic.GetAsync(api, "api/schedule/requests", frontDesk))["items"]!.AsArray()
            .Where(i => i!["providerId"]!.GetValue<string>() == clinic.ProviderId).ToList();
        Assert.Equal([requested.Body["appointmentId"]!.GetValue<string>(), other.Body["appointmentId"]!.GetValue<string>()], queue.Select(i => i!["appointmentId"]!.GetValue<string>()));

        var path = $"api/patients/{patientId}/appointments";
        Assert.Equal(HttpStatusCode.Forbidden, (await SchedulingClinic.PostAsync(api, $"{path}/{requested.Body["appointmentId"]}/approve", patient)).Status);
        var approved = await SchedulingClinic.PostAsync(api, $"{path}/{requested.Body["appointmentId"]}/approve", frontDesk);
        Assert.Equal((HttpStatusCode.OK, "booked"), (approved.Status, approved.Body["status"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, (await SchedulingClinic.PostAsync(api, $"{path}/{requested.Body["appointmentId"]}/approve", frontDesk)).Status);

        Assert.Equal(HttpStatusCode.BadRequest, (await SchedulingClinic.PostAsync(api, $"{path}/{other.Body["appointmentId"]}/decline", frontDesk, new { reason = " " })).Status);
        var declined = await SchedulingClinic.PostAsync(api, $"{path}/{other.Body["appointmentId"]}/decline", frontDesk, new { reason = "Dr. Test needs labs first; please book a lab visit." });
        Assert.Equal((HttpStatusCode.OK, "declined"), (declined.Status, declined.Body["status"]!.GetValue<string>()));
        Assert.Contains(await clinic.SlotsAsync(patient, clinic.Approval, DateOnly.FromDateTime(second.UtcDateTime.AddDays(-1)), DateOnly.FromDateTime(second.UtcDateTime.AddDays(1))),
            s => s!["start"]!.GetValue<DateTimeOffset>() == second);
        Assert.DoesNotContain((await SchedulingClinic.GetAsync(api, "api/schedule/requests", frontDesk))["items"]!.AsArray(), i => i!["providerId"]!.GetValue<string>() == clinic.ProviderId);

        // Told both ways; the decline's reason is in the portal, not in the notice.
        var kinds = (await SchedulingClinic.GetAsync(api, $"api/patients/{patientId}/notifications", patient))["items"]!.AsArray().Select(n => n!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(2, kinds.Count(k => k == "appointmentRequested"));
        Assert.Contains("appointmentBooked", kinds);
        Assert.Contains("appointmentDeclined", kinds);
        var past = (await SchedulingClinic.GetAsync(api, $"{path}?when=past", patient))["items"]!.AsArray();
        Assert.Equal("Dr. Test needs labs first; please book a lab visit.", Assert.Single(past)!["statusNote"]!.GetValue<string>());
    }

    [Fact]
    public async Task Inside_the_cutoff_a_patient_is_given_the_clinics_phone_and_staff_record_a_late_cancel()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var caregiver = await api.CaregiverAsync(patientId, "appointments.write");
        var frontDesk = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]);
        var soon = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromMinutes(10));
        var booked = await clinic.BookAsync(caregiver, patientId, clinic.FollowUp, soon);
        Assert.Equal(HttpStatusCode.Created, booked.Status);
        var path = $"api/patients/{patientId}/appointments/{booked.Body["appointmentId"]}";

        var byPatient = await SchedulingClinic.PostAsync(api, $"{path}/cancel", patient);
        var move = await SchedulingClinic.PostAsync(api, $"{path}/reschedule", caregiver, new { start = soon.AddDays(3), providerId = (string?)null });
        Assert.Equal(HttpStatusCode.Conflict, byPatient.Status);
        Assert.Contains("+13125550100", byPatient.Body["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, move.Status);
        var noShowTooEarly = await SchedulingClinic.PostAsync(api, $"{path}/attendance", frontDesk, new { status = "noShow" });
        Assert.Equal(soon > DateTimeOffset.UtcNow ? HttpStatusCode.Conflict : HttpStatusCode.OK, noShowTooEarly.Status);

        var byStaff = await SchedulingClinic.PostAsync(api, $"{path}/cancel", frontDesk);
        Assert.Equal((HttpStatusCode.OK, "lateCancel"), (byStaff.Status, byStaff.Body["status"]!.GetValue<string>()));
    }
}
