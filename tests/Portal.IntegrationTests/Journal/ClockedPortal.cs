using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Scheduling;
using Portal.IntegrationTests.Api;
using Portal.LocalHost;

namespace Portal.IntegrationTests.Journal;

/// <summary>
/// A portal whose clock the journal and self-check tests move (one for the assembly). Tokens are validated with real
/// time, so they keep working whatever the portal's clock says; every test uses its own patients.
/// </summary>
internal static class ClockedPortal
{
    /// <summary>The tests that move this clock run one after the other.</summary>
    public const string Collection = "journal clocked portal";

    private static readonly SharedFixture<(LocalPortal Portal, TestClock Clock)> Instance = new("journal clocked portal", async () =>
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var portal = await TestPortal.StartAsync(configureServices: services => services.AddSingleton<TimeProvider>(clock));
        return (portal, clock);
    });

    public static async Task<(LocalPortal Portal, TestClock Clock, PortalApi Api)> GetAsync()
    {
        var (portal, clock) = await Instance.GetAsync();
        return (portal, clock, new PortalApi(new HttpClient { BaseAddress = portal.BaseAddress }));
    }

    /// <summary>An appointment in the patient's chart, written the way the scheduling feature stores one.</summary>
    public static async Task<string> AppointmentAsync(LocalPortal portal, string patientId, DateTimeOffset start, AppointmentStatus status = AppointmentStatus.Booked)
    {
        var id = $"appt-{Guid.NewGuid():N}"[..20];
        var appointment = new Appointment(patientId, id, "follow-up", "dr-chen", "main", start, start.AddMinutes(20), status, "Blood pressure check", "front-desk", start.AddDays(-30), null, 1, null, null, null, null, start.AddDays(-30));
        await portal.Services.GetRequiredService<IAppointments>().AddAsync(appointment, null, default);
        return id;
    }
}
