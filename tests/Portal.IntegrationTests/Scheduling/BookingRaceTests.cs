using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Common;
using Portal.Core.Scheduling;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Scheduling;

/// <summary>No way to double-book a provider: concurrent bookings of one slot, and a booking that stopped after its claim.</summary>
public class BookingRaceTests
{
    [Fact]
    public async Task Twenty_patients_booking_the_same_slot_at_once_get_exactly_one_201_and_nineteen_409()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var patients = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => api.NewActivatedPatientAsync()));
        var start = await clinic.SlotAsync(patients[0].Token, clinic.FollowUp, TimeSpan.FromDays(2));

        using var go = new SemaphoreSlim(0);
        var attempts = patients.Select(async p =>
        {
            await go.WaitAsync();
            return await clinic.BookAsync(p.Token, p.PatientId, clinic.FollowUp, start);
        }).ToList();
        go.Release(patients.Length);
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r.Status == HttpStatusCode.Created));
        Assert.Equal(19, results.Count(r => r.Status == HttpStatusCode.Conflict));
        Assert.All(results.Where(r => r.Status == HttpStatusCode.Conflict), r => Assert.Contains("just taken", r.Body["detail"]!.GetValue<string>()));

        // Exactly one chart holds the visit; the claim index holds its six units for that appointment only.
        var winner = results.Single(r => r.Status == HttpStatusCode.Created).Body;
        var claims = (await TestPortal.GetAsync()).Services.GetRequiredService<ISlotClaims>();
        var units = await claims.ListAsync(clinic.ProviderId, start, start.AddMinutes(30), default);
        Assert.Equal(6, units.Count);
        Assert.All(units, u => Assert.Equal(winner["appointmentId"]!.GetValue<string>(), u.AppointmentId));
        var booked = 0;
        foreach (var (patientId, token, _) in patients)
        {
            booked += (await SchedulingClinic.GetAsync(api, $"api/patients/{patientId}/appointments", token))["items"]!.AsArray().Count;
        }

        Assert.Equal(1, booked);
    }

    [Fact]
    public async Task A_claim_whose_booking_stopped_before_the_chart_is_released_by_the_sweep()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var start = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(2));
        var services = (await TestPortal.GetAsync()).Services;
        var claims = services.GetRequiredService<ISlotClaims>();

        // A booking claimed the slot and stopped (its check row due now): the slot looks taken.
        var orphan = new SlotClaim(clinic.ProviderId, "someone-else", Guid.NewGuid().ToString("N"), start, start.AddMinutes(30));
        Assert.True(await claims.ClaimAsync(orphan, DateTimeOffset.UtcNow.AddSeconds(-1), default));
        Assert.Equal(HttpStatusCode.Conflict, (await clinic.BookAsync(patient, patientId, clinic.FollowUp, start)).Status);
        Assert.DoesNotContain(await clinic.SlotsAsync(patient, clinic.FollowUp), s => s!["start"]!.GetValue<DateTimeOffset>() == start);

        // The sweep finds no appointment in that chart and frees the time.
        await services.GetRequiredService<SweepSchedule>().ExecuteAsync(default);

        Assert.Empty(await claims.ListAsync(clinic.ProviderId, start, start.AddMinutes(30), default));
        Assert.Equal(HttpStatusCode.Created, (await clinic.BookAsync(patient, patientId, clinic.FollowUp, start)).Status);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_finishes_a_booking_that_stopped_after_its_claim()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var subject = PortalApi.UniqueSubject();
        var (patientId, code, birthDate) = await api.RegisterAsync();
        var patient = await api.TokenAsync(subject);
        (await api.ActivateAsync(patient, code, birthDate)).Dispose();
        var start = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(2));
        var services = (await TestPortal.GetAsync()).Services;

        // The first attempt remembered its key and claimed the units, then stopped before the chart write.
        var request = new NewAppointment(clinic.FollowUp, clinic.ProviderId, start, "Follow-up on blood pressure");
        var appointmentId = Guid.NewGuid().ToString("N");
        await services.GetRequiredService<IRequestReplays>().SaveAsync(
            new RequestReplay(subject, "appointment", "retry-key", IdempotencyKeys.Hash(new { PatientId = patientId, request }), appointmentId, DateTimeOffset.UtcNow), default);
        Assert.True(await services.GetRequiredService<ISlotClaims>().ClaimAsync(
            new SlotClaim(clinic.ProviderId, patientId, appointmentId, start, start.AddMinutes(30)), DateTimeOffset.UtcNow.AddMinutes(2), default));

        var retried = await clinic.BookAsync(patient, patientId, clinic.FollowUp, start, key: "retry-key");

        Assert.Equal((HttpStatusCode.Created, appointmentId), (retried.Status, retried.Body["appointmentId"]!.GetValue<string>()));
        var checks = await services.GetRequiredService<ISlotClaims>().DueAsync(clinic.ProviderId, DateTimeOffset.UtcNow.AddHours(1), default);
        Assert.Empty(checks);
    }
}
