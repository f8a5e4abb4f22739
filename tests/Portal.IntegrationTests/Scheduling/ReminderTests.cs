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
        // Weeks ahead, where no other test's sweep reaches (the reply tests sweep within three days).
        var start = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(20));
        var appointmentId = (await clinic.BookAsync(patient, patientId, clinic.FollowUp, start)).Body["appointmentId"]!.GetValue<string>();
        var twoHoursBefore = start.AddHours(-2);

        // Nothing is due a day ahead of the 48-hour reminder.
        await (await ScheduleSweeps.AtAsync(start.AddHours(-72), clinic.ProviderId)).ExecuteAsync(default);
        Assert.Empty(await ScheduleSweeps.RemindersAsync(patientId));

        // A sweep at the 48-hour reminder's time writes it, then stops before removing its row.
        var appointments = (await TestPortal.GetAsync()).Services.GetRequiredService<IAppointments>();
        var crashing = await ScheduleSweeps.AtAsync(start.AddHours(-48), clinic.ProviderId, new CrashAfterFirstReminder(appointments, patientId));
        await Assert.ThrowsAsync<InvalidOperationException>(() => crashing.ExecuteAsync(default));
        Assert.Single(await ScheduleSweeps.RemindersAsync(patientId));

        // Runs overlap: two find the 48-hour row still there, then two more the 2-hour one; each reminder is written once.
        await Task.WhenAll((await ScheduleSweeps.AtAsync(start.AddHours(-48), clinic.ProviderId)).ExecuteAsync(default), (await ScheduleSweeps.AtAsync(start.AddHours(-48), clinic.ProviderId)).ExecuteAsync(default));
        Assert.Single(await ScheduleSweeps.RemindersAsync(patientId));
        await Task.WhenAll((await ScheduleSweeps.AtAsync(twoHoursBefore, clinic.ProviderId)).ExecuteAsync(default), (await ScheduleSweeps.AtAsync(twoHoursBefore, clinic.ProviderId)).ExecuteAsync(default));
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
        var start = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(30));
        var later = await clinic.SlotAsync(patient, clinic.FollowUp, TimeSpan.FromDays(31));
        var other = await clinic.SlotAsync(patient, clinic.Video, later - DateTimeOffset.UtcNow + TimeSpan.FromHours(1));
        var moved = (await clinic.BookAsync(patient, patientId, clinic.FollowUp, start)).Body["appointmentId"]!.GetValue<string>();
        var cancelled = (await clinic.BookAsync(patient, patientId, clinic.Video, other)).Body["appointmentId"]!.GetValue<string>();
        var path = $"api/patients/{patientId}/appointments";
        Assert.Equal(System.Net.HttpStatusCode.OK, (await SchedulingClinic.PostAsync(api, $"{path}/{moved}/reschedule", patient, new { start = later, providerId = (string?)null })).Status);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await SchedulingClinic.PostAsync(api, $"{path}/{cancelled}/cancel", patient)).Status);

        // A sweep at every reminder's due time, old and new, in time order.
        foreach (var due in new[] { start, later, other }.SelectMany(t => new[] { t.AddHours(-48), t.AddHours(-2) }).Order())
        {
            await (await ScheduleSweeps.AtAsync(due, clinic.ProviderId)).ExecuteAsync(default);
        }

        var reminders = await ScheduleSweeps.RemindersAsync(patientId);
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r => Assert.Equal((later, $"/appointments/{moved}"), (r.Details.When!.Value, r.Link)));
    }
}
