using Portal.Core.Clinic;
using Portal.Core.Common;

namespace Portal.Core.Scheduling.CheckIn;

/// <summary>When a visit may be checked in online: from 3 days before its start (the same wall-clock time in the clinic's zone) until it starts.</summary>
public static class CheckInWindow
{
    /// <summary>How many days before the visit check-in opens.</summary>
    public const int DaysBefore = 3;

    /// <summary>When check-in opens for a visit starting at <paramref name="start"/> (DST-correct: the clinic's wall clock 3 days earlier).</summary>
    public static DateTimeOffset OpensAt(DateTimeOffset start, TimeZoneInfo zone) =>
        ClinicClock.At(zone, ClinicClock.Local(zone, start).DateTime.AddDays(-DaysBefore), after: null);

    /// <summary>Null when <paramref name="appointment"/> may be checked in at <paramref name="now"/>; otherwise the 409 that says why.</summary>
    public static Failure? Refusal(Appointment appointment, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (appointment.Status is not (AppointmentStatus.Booked or AppointmentStatus.Confirmed))
        {
            return new Failure(FailureKind.Conflict, appointment.Status == AppointmentStatus.Requested
                ? "This appointment is still a request; check-in opens once the clinic confirms it."
                : $"This appointment is {Words(appointment.Status)} and cannot be checked in online.");
        }

        var opens = OpensAt(appointment.Start, zone);
        return now < opens
            ? new Failure(FailureKind.Conflict, $"Check-in opens {DaysBefore} days before the visit, on {ClinicClock.Local(zone, opens):yyyy-MM-dd 'at' HH:mm} (clinic time).")
            : now >= appointment.Start
            ? new Failure(FailureKind.Conflict, "Check-in closed when the visit started; please see the front desk.")
            : null;
    }

    private static string Words(AppointmentStatus status) => status switch
    {
        AppointmentStatus.CheckedIn => "checked in at the front desk already",
        AppointmentStatus.LateCancel => "cancelled",
        AppointmentStatus.NoShow => "marked as missed",
        _ => status.ToString().ToLowerInvariant(),
    };
}
