using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Scheduling;

/// <summary>
/// Use case: staff record how a visit went: checked in (from an hour before), completed, or no-show (once it has
/// started). These keep the slot's history; a no-show counts against nothing automatically.
/// </summary>
public sealed class MarkAttendance(AppointmentScope scope, SlotBooking booking)
{
    /// <summary>The statuses staff may set here.</summary>
    public static readonly IReadOnlyList<AppointmentStatus> Allowed = [AppointmentStatus.CheckedIn, AppointmentStatus.Completed, AppointmentStatus.NoShow];

    /// <summary>The appointment with its new status; 400 for another status, 403 for the patient's side, 404, 409 too early or not booked, 412.</summary>
    public Task<Result<AppointmentView>> ExecuteAsync(
        Caller caller, string patientId, string appointmentId, AppointmentStatus status, string? ifMatch, CancellationToken cancellationToken)
    {
        if (!Allowed.Contains(status))
        {
            return Task.FromResult<Result<AppointmentView>>(Failure.Invalid("status", "One of: checkedIn, completed, noShow."));
        }

        return scope.ChangeAsync(caller, patientId, appointmentId, "attendance", ifMatch, async (visit, found, _) =>
        {
            var (appointment, now) = (found.Value, scope.Now);
            if (!AppointmentScope.ByStaff(visit))
            {
                return new Failure(FailureKind.Forbidden, "Only the clinic's staff record attendance.");
            }

            var allowedNow = status switch
            {
                AppointmentStatus.CheckedIn => appointment.Status is AppointmentStatus.Booked or AppointmentStatus.Confirmed && now >= appointment.Start - TimeSpan.FromHours(1),
                AppointmentStatus.Completed => appointment.Status is AppointmentStatus.Booked or AppointmentStatus.Confirmed or AppointmentStatus.CheckedIn && now >= appointment.Start,
                _ => appointment.Status is AppointmentStatus.Booked or AppointmentStatus.Confirmed && now >= appointment.Start,
            };
            if (!allowedNow)
            {
                return new Failure(FailureKind.Conflict, $"A {appointment.Status.ToString().ToLowerInvariant()} appointment cannot be marked {status.ToString().ToLowerInvariant()} now.");
            }

            var marked = appointment with { Status = status, UpdatedAt = now };
            return await booking.KeepAsync(appointment, marked, found.ETag, null, null, now, cancellationToken);
        }, cancellationToken);
    }
}
