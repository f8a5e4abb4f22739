using System.Globalization;
using Portal.Core.Notifications;
using Portal.Core.Scheduling.Setup;

namespace Portal.Core.Scheduling;

/// <summary>A reminder due some hours before a visit, kept in the hour bucket of its due time.</summary>
/// <param name="PatientId">Whose appointment.</param>
/// <param name="AppointmentId">Which.</param>
/// <param name="Start">The visit's start when the reminder was planned; a moved visit's old reminders no longer match it.</param>
/// <param name="HoursBefore">How long before the start it is due.</param>
public sealed record Reminder(string PatientId, string AppointmentId, DateTimeOffset Start, int HoursBefore)
{
    /// <summary>When it is due.</summary>
    public DateTimeOffset Due => Start - TimeSpan.FromHours(HoursBefore);

    /// <summary>The reminders of an appointment that are still ahead at <paramref name="now"/>, from its visit type.</summary>
    public static IReadOnlyList<Reminder> For(Appointment appointment, VisitType visitType, DateTimeOffset now) =>
        [.. visitType.ReminderHours.Select(h => new Reminder(appointment.PatientId, appointment.AppointmentId, appointment.Start, h)).Where(r => r.Due > now)];

    /// <summary>
    /// The reminder's notice. Its id follows from the reminder alone, so two sweeps that both send it write the same
    /// chart row and the second insert fails: the patient is reminded once.
    /// </summary>
    public Notice Notice()
    {
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - Due.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        return new Notice(PatientId, $"{inverted}-remind-{AppointmentId}-{HoursBefore}", NoticeKind.AppointmentReminder, new NoticeDetails(Start), $"/appointments/{AppointmentId}", Due);
    }
}
