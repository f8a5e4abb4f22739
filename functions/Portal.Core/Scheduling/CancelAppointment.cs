using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Notifications;

namespace Portal.Core.Scheduling;

/// <summary>
/// Use case: cancel an appointment. Patients and caregivers cancel online until the visit type's cutoff; inside it they
/// are told to call the clinic (its number in the problem). Staff may still cancel: inside the cutoff it is recorded as a
/// late cancel. The slot is released after the chart says cancelled; its reminders never go (the sweep checks the chart).
/// </summary>
public sealed class CancelAppointment(AppointmentScope scope, SlotBooking booking)
{
    /// <summary>The cancelled appointment; 404/403, 409 (already over or cancelled, or inside the cutoff), 412.</summary>
    public Task<Result<AppointmentView>> ExecuteAsync(Caller caller, string patientId, string appointmentId, string? ifMatch, CancellationToken cancellationToken) =>
        scope.ChangeAsync(caller, patientId, appointmentId, "cancel", ifMatch, (visit, found, setup) =>
            CancelAsync(found, AppointmentScope.ByStaff(visit), visit.Caller.Subject, setup.VisitType(found.Value.VisitTypeId), cancellationToken), cancellationToken);

    /// <summary>Cancels a found appointment for <paramref name="by"/>: the rules of both sides, the write, the release.</summary>
    public async Task<Result<Versioned<Appointment>>> CancelAsync(
        Versioned<Appointment> found, bool byStaff, string by, Setup.VisitType? visitType, CancellationToken cancellationToken)
    {
        var (appointment, now) = (found.Value, scope.Now);
        if (!appointment.HoldsSlot || appointment.Status == AppointmentStatus.CheckedIn || appointment.End <= now)
        {
            return new Failure(FailureKind.Conflict, $"This appointment is {appointment.Status.ToString().ToLowerInvariant()} or over and cannot be cancelled.");
        }

        var late = SchedulingRules.InsideCutoff(appointment, visitType, now) && appointment.Status != AppointmentStatus.Requested;
        if (late && !byStaff)
        {
            return SchedulingRules.CutoffRefusal(visitType, scope.Clinic.Phone);
        }

        var cancelled = appointment with
        {
            Status = late ? AppointmentStatus.LateCancel : AppointmentStatus.Cancelled,
            CancelledAt = now,
            CancelledBy = by,
            Sequence = appointment.Sequence + 1,
            UpdatedAt = now,
        };
        var notice = Notice.Create(appointment.PatientId, NoticeKind.AppointmentCancelled, new NoticeDetails(appointment.Start), appointment.Link, now);
        return await booking.ReleaseAsync(appointment, cancelled, found.ETag, visitType, notice, now, cancellationToken);
    }
}
