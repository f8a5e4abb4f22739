using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Notifications;

namespace Portal.Core.Scheduling;

/// <summary>
/// Use case: move an appointment to another open slot of its visit type (the same provider unless another is named).
/// The new time is claimed first, then the chart changes, then the old time is released; reminders of the old time no
/// longer match the appointment and never go. Patients move online until the cutoff, as they cancel.
/// </summary>
public sealed class RescheduleAppointment(AppointmentScope scope, SlotBooking booking)
{
    /// <summary>The moved appointment; 400 (slot), 404/403, 409 (taken, overlapping, inside the cutoff, not movable), 412.</summary>
    public Task<Result<AppointmentView>> ExecuteAsync(
        Caller caller, string patientId, string appointmentId, AppointmentMove move, string? ifMatch, CancellationToken cancellationToken) =>
        scope.ChangeAsync(caller, patientId, appointmentId, "reschedule", ifMatch, async (visit, found, setup) =>
        {
            var (appointment, now, byStaff) = (found.Value, scope.Now, AppointmentScope.ByStaff(visit));
            var visitType = setup.VisitType(appointment.VisitTypeId);
            if (!appointment.HoldsSlot || appointment.Status == AppointmentStatus.CheckedIn || appointment.End <= now)
            {
                return new Failure(FailureKind.Conflict, "Only upcoming appointments can be moved.");
            }

            if (!byStaff && appointment.Status != AppointmentStatus.Requested && SchedulingRules.InsideCutoff(appointment, visitType, now))
            {
                return SchedulingRules.CutoffRefusal(visitType, scope.Clinic.Phone);
            }

            var patients = (await scope.Appointments.ListAsync(appointment.PatientId, cancellationToken)).Select(a => a.Value).ToList();
            var slot = SchedulingRules.CheckSlot(setup, visitType, move.ProviderId ?? appointment.ProviderId, move.Start, byStaff, patients, appointment.AppointmentId, scope.Zone, now);
            if (!slot.Succeeded)
            {
                return slot.Failure;
            }

            if (slot.Value.Start == appointment.Start && slot.Value.ProviderId == appointment.ProviderId)
            {
                return new Failure(FailureKind.Conflict, "The appointment is at this time already.");
            }

            var requested = appointment.Status == AppointmentStatus.Requested;
            var moved = appointment with
            {
                ProviderId = slot.Value.ProviderId,
                LocationId = slot.Value.LocationId,
                Start = slot.Value.Start,
                End = slot.Value.End,
                Status = requested ? AppointmentStatus.Requested : AppointmentStatus.Booked,
                HoldUntil = requested ? now + TimeSpan.FromHours(scope.Options.RequestHoldHours) : null,
                ConfirmedAt = null,
                OnlineCheckInAt = null, // a new time is checked in anew
                Sequence = appointment.Sequence + 1,
                UpdatedAt = now,
            };
            var notice = Notice.Create(appointment.PatientId, NoticeKind.AppointmentChanged, new NoticeDetails(moved.Start), appointment.Link, now);
            return await booking.MoveAsync(appointment, moved, found.ETag, visitType!, notice, now, cancellationToken);
        }, cancellationToken);
}
