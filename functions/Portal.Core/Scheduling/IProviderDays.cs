namespace Portal.Core.Scheduling;

/// <summary>
/// Port: each provider's day-view index (in the provider's claim partition): one row per appointment by start time,
/// mirroring the chart after every change, so a day or a week of a provider is one query and no chart is read.
/// </summary>
public interface IProviderDays
{
    /// <summary>Writes the appointment's row (and removes the row of its earlier time, if it moved).</summary>
    Task RecordAsync(Appointment appointment, Appointment? before, CancellationToken cancellationToken);

    /// <summary>The provider's appointments starting from <paramref name="from"/> to <paramref name="to"/>, soonest first. One query.</summary>
    Task<IReadOnlyList<AppointmentSummary>> ListAsync(string providerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>An appointment as the staff's day view shows it.</summary>
/// <param name="PatientId">Whose.</param>
/// <param name="AppointmentId">Which.</param>
/// <param name="VisitTypeId">The visit type.</param>
/// <param name="LocationId">Where.</param>
/// <param name="Start">Start.</param>
/// <param name="End">End.</param>
/// <param name="Status">Requested, booked, confirmed, checked in, completed, cancelled, late cancel, no-show or declined.</param>
/// <param name="ConfirmedAt">When the patient confirmed (reply C), or null.</param>
/// <param name="OnlineCheckInAt">When the patient checked in before the visit, or null.</param>
public sealed record AppointmentSummary(
    string PatientId, string AppointmentId, string VisitTypeId, string LocationId, DateTimeOffset Start, DateTimeOffset End, AppointmentStatus Status, DateTimeOffset? ConfirmedAt,
    DateTimeOffset? OnlineCheckInAt = null)
{
    /// <summary>The summary of an appointment.</summary>
    public static AppointmentSummary Of(Appointment a) => new(a.PatientId, a.AppointmentId, a.VisitTypeId, a.LocationId, a.Start, a.End, a.Status, a.ConfirmedAt, a.OnlineCheckInAt);
}
