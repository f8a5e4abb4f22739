using System.Net;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Scheduling;

/// <summary>The front desk's view of a provider's days: every appointment with its status, following moves and cancels.</summary>
public class StaffDayViewTests
{
    [Fact]
    public async Task The_week_shows_each_visit_once_with_its_status_after_moves_and_cancels_made_on_the_patients_behalf()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var frontDesk = await api.TokenAsync(PortalApi.UniqueSubject("desk"), ["FrontDesk"]);
        var first = await clinic.SlotAsync(frontDesk, clinic.FollowUp, TimeSpan.FromDays(2));
        var second = await clinic.SlotAsync(frontDesk, clinic.FollowUp, first - DateTimeOffset.UtcNow + TimeSpan.FromHours(2));
        var moveTo = await clinic.SlotAsync(frontDesk, clinic.FollowUp, second - DateTimeOffset.UtcNow + TimeSpan.FromHours(2));
        var kept = (await clinic.BookAsync(frontDesk, patientId, clinic.FollowUp, first)).Body["appointmentId"]!.GetValue<string>();
        var cancelled = (await clinic.BookAsync(patient, patientId, clinic.FollowUp, second)).Body["appointmentId"]!.GetValue<string>();
        var path = $"api/patients/{patientId}/appointments";
        Assert.Equal(HttpStatusCode.OK, (await SchedulingClinic.PostAsync(api, $"{path}/{kept}/reschedule", frontDesk, new { start = moveTo, providerId = (string?)null })).Status);
        Assert.Equal(HttpStatusCode.OK, (await SchedulingClinic.PostAsync(api, $"{path}/{cancelled}/cancel", frontDesk)).Status);

        var from = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(first, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime);
        var week = await SchedulingClinic.GetAsync(api, $"api/schedule/day?provider={clinic.ProviderId}&date={from:yyyy-MM-dd}&days=7", frontDesk);

        var items = week["items"]!.AsArray().Select(i => (i!["appointmentId"]!.GetValue<string>(), i["status"]!.GetValue<string>(), i["start"]!.GetValue<DateTimeOffset>())).ToList();
        Assert.Equal([(cancelled, "cancelled", second), (kept, "booked", moveTo)], items);
        Assert.Equal("Follow-up visit", week["items"]![0]!["visitType"]!.GetValue<string>());

        using var byPatient = await api.GetAsync($"api/schedule/day?provider={clinic.ProviderId}", patient);
        await PortalApi.AssertProblemAsync(byPatient, HttpStatusCode.Forbidden);
        using var byBilling = await api.GetAsync($"api/schedule/day?provider={clinic.ProviderId}", await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]));
        await PortalApi.AssertProblemAsync(byBilling, HttpStatusCode.Forbidden);
        using var tooLong = await api.GetAsync($"api/schedule/day?provider={clinic.ProviderId}&days=8", frontDesk);
        await PortalApi.AssertProblemAsync(tooLong, HttpStatusCode.BadRequest, "days");
        using var byClinician = await api.GetAsync($"api/schedule/day?provider={clinic.ProviderId}", await api.TokenAsync(PortalApi.UniqueSubject("dr"), ["Clinician"]));
        Assert.Equal(HttpStatusCode.OK, byClinician.StatusCode);
    }
}
