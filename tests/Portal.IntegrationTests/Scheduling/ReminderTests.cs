using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Scheduling;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Scheduling;

/// <summary>Reminders from the hour buckets: once each, whatever the sweeps do; never for a moved or cancelled visit.</summary>
public class ReminderTests
{
    [Fact]
    public async Task Each_reminder_is_written_once_despite_a_crash_mid_sweep_and_two_overlapping_sweeps()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var start = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(3));
        var appointmentId = (await clinic.BookAsync(patient, patientId, clinic.FollowUp, start)).Body["appointmentId"]!.GetValue<string>();
        var twoHoursBefore = start.AddHours(-2);

        // Nothing is due a day ahead of the 48-hour reminder.
        await (await ScheduleSweeps.AtAsync(start.AddHours(-72), clinic.ProviderId)).ExecuteAsync(default);
        Assert.Empty(await ScheduleSweeps.RemindersAsync(patientId));

        // A sweep at the 2-hour reminder's time writes the 48-hour reminder, then stops.
        var appointments = (await TestPortal.GetAsync()).Services.GetRequiredService<IAppointments>();
        var crashing = await ScheduleSweeps.AtAsync(twoHoursBefore, clinic.ProviderId, new CrashAfterFirstReminder(appointments, patientId));
        await Assert.ThrowsAsync<InvalidOperationException>(() => crashing.ExecuteAsync(default));
        Assert.Single(await ScheduleSweeps.RemindersAsync(patientId));

        // Two runs overlap: each finds both rows still there; each reminder is written once.
        var first = await ScheduleSweeps.AtAsync(twoHoursBefore, clinic.ProviderId);
        var second = await ScheduleSweeps.AtAsync(twoHoursBefore, clinic.ProviderId);
        await Task.WhenAll(first.ExecuteAsync(default), second.ExecuteAsync(default));
        await (await ScheduleSweeps.AtAsync(twoHoursBefore.AddMinutes(5), clinic.ProviderId)).ExecuteAsync(default);

        var reminders = await ScheduleSweeps.RemindersAsync(patientId);
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r => Assert.Equal((start, $"/appointments/{appointmentId}"), (r.Details.When!.Value, r.Link)));
        Assert.Equal([start.AddHours(-48), twoHoursBefore], reminders.Select(r => r.CreatedAt).Order());
    }

    [Fact]
    public async Task A_moved_visit_is_reminded_at_its_new_time_only_and_a_cancelled_one_never()
    {
        var api = await PortalApi.CreateAsync();
        var clinic = await SchedulingClinic.CreateAsync(api);
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var start = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(3));
        var later = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(4));
        var other = await clinic.SlotAsync(patient, clinic.Video, later - DateTimeOffset.UtcNow + TimeSpan.FromHours(1));
        var moved = (await clinic.BookAsync(patient, patientId, clinic.FollowUp, start)).Body["appointmentId"]!.GetValue<string>();
        var cancelled = (await clinic.BookAsync(patient, patientId, clinic.Video, other)).Body["appointmentId"]!.GetValue<string>();
        var path = $"api/patients/{patientId}/appointments";
        Assert.Equal(System.Net.HttpStatusCode.OK, (await SchedulingClinic.PostAsync(api, $"{path}/{moved}/reschedule", patient, new { start = later, providerId = (string?)null })).Status);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await SchedulingClinic.PostAsync(api, $"{path}/{cancelled}/cancel", patient)).Status);

        // After the old visit's and the moved visit's 48-hour reminders and the old 2-hour one, before the new 2-hour one;
        // then after the cancelled visit's reminders too.
        await (await ScheduleSweeps.AtAsync(later.AddHours(-3), clinic.ProviderId)).ExecuteAsync(default);
        await (await ScheduleSweeps.AtAsync(other.AddMinutes(-30), clinic.ProviderId)).ExecuteAsync(default);

        var reminders = await ScheduleSweeps.RemindersAsync(patientId);
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r => Assert.Equal((later, $"/appointments/{moved}"), (r.Details.When!.Value, r.Link)));
    }
}
