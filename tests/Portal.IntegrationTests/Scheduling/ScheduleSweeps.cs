using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Core.Profile;
using Portal.Core.Scheduling;
using Portal.Core.Scheduling.Setup;

namespace Portal.IntegrationTests.Scheduling;

/// <summary>
/// The schedule sweep of the test portal run at a chosen time, against the real tables. Its claim checks are limited to
/// one test's provider, so a sweep in the future never settles another test's booking in flight.
/// </summary>
internal static class ScheduleSweeps
{
    public static async Task<SweepSchedule> AtAsync(DateTimeOffset now, string providerId, IAppointments? appointments = null)
    {
        var services = (await TestPortal.GetAsync()).Services;
        return new SweepSchedule(
            new OneProvider(services.GetRequiredService<IClinicSetup>(), providerId), services.GetRequiredService<ISlotClaims>(),
            appointments ?? services.GetRequiredService<IAppointments>(), services.GetRequiredService<IReminders>(), services.GetRequiredService<IProfiles>(),
            services.GetRequiredService<SlotBooking>(), services.GetRequiredService<INoticeQueue>(), new Clock(now), NullLogger<SweepSchedule>.Instance);
    }

    /// <summary>The reminder notices in the patient's chart.</summary>
    public static async Task<IReadOnlyList<Notice>> RemindersAsync(string patientId)
    {
        var notices = (await TestPortal.GetAsync()).Services.GetRequiredService<INotices>();
        return [.. (await notices.ListAsync(patientId, 100, null, default)).Items.Where(n => n.Kind == NoticeKind.AppointmentReminder)];
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class OneProvider(IClinicSetup inner, string providerId) : IClinicSetup
    {
        public async Task<ClinicSetup> ReadAsync(CancellationToken cancellationToken)
        {
            var setup = await inner.ReadAsync(cancellationToken);
            return setup with { Providers = [.. setup.Providers.Where(p => p.Value.Id == providerId)] };
        }

        public Task<string> SaveAsync(ISetupItem item, string? eTag, CancellationToken cancellationToken) => inner.SaveAsync(item, eTag, cancellationToken);

        public Task DeleteAsync(SetupKind kind, string id, string eTag, CancellationToken cancellationToken) => inner.DeleteAsync(kind, id, eTag, cancellationToken);
    }
}

/// <summary>Appointments whose first reminder notice for one patient is written and then the process "crashes".</summary>
internal sealed class CrashAfterFirstReminder(IAppointments inner, string patientId) : IAppointments
{
    private int crashed;

    public Task<Versioned<Appointment>?> FindAsync(string patient, string appointmentId, CancellationToken cancellationToken) => inner.FindAsync(patient, appointmentId, cancellationToken);

    public Task<IReadOnlyList<Versioned<Appointment>>> ListAsync(string patient, CancellationToken cancellationToken) => inner.ListAsync(patient, cancellationToken);

    public Task<string> AddAsync(Appointment appointment, Notice? notice, CancellationToken cancellationToken) => inner.AddAsync(appointment, notice, cancellationToken);

    public Task<string> ReplaceAsync(Appointment appointment, string eTag, Notice? notice, CancellationToken cancellationToken) => inner.ReplaceAsync(appointment, eTag, notice, cancellationToken);

    public async Task<bool> AddNoticeAsync(Notice notice, CancellationToken cancellationToken)
    {
        var written = await inner.AddNoticeAsync(notice, cancellationToken);
        if (notice.PatientId == patientId && Interlocked.Exchange(ref crashed, 1) == 0)
        {
            throw new InvalidOperationException("The sweep stops here, after writing the notice and before removing its reminder row.");
        }

        return written;
    }
}
