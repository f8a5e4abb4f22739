using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Core.Scheduling;

/// <summary>Port: appointments in the patients' charts, each written with the notice it causes in one transaction.</summary>
public interface IAppointments
{
    /// <summary>The appointment with its ETag, or null. One point read.</summary>
    Task<Versioned<Appointment>?> FindAsync(string patientId, string appointmentId, CancellationToken cancellationToken);

    /// <summary>Every appointment in the chart (a chart holds few). One range query.</summary>
    Task<IReadOnlyList<Versioned<Appointment>>> ListAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a new appointment and its notice: the notice's pending row first, then one chart transaction. An
    /// appointment already in the chart is a <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    Task<string> AddAsync(Appointment appointment, Notice? notice, CancellationToken cancellationToken);

    /// <summary>Replaces the appointment if <paramref name="eTag"/> matches, with its notice, as <see cref="AddAsync"/>.</summary>
    Task<string> ReplaceAsync(Appointment appointment, string eTag, Notice? notice, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a notice on its own (its pending row first, then the chart row); false when a notice with its id is in the
    /// chart already, so a notice with a derived id is written once however often this runs.
    /// </summary>
    Task<bool> AddNoticeAsync(Notice notice, CancellationToken cancellationToken);
}
