using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Notifications;

namespace Portal.Core.Scheduling;

/// <summary>
/// Use case: staff approve a requested appointment (it becomes booked, reminders are planned) or decline it with a
/// reason (shown to the patient in the portal, never in the notice; the slot is released). The patient is told either way.
/// </summary>
public sealed class DecideRequest(AppointmentScope scope, SlotBooking booking)
{
    /// <summary>The longest decline reason.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Approves the request; 403 for the patient's side, 404, 409 when it is not a pending request, 412.</summary>
    public Task<Result<AppointmentView>> ApproveAsync(Caller caller, string patientId, string appointmentId, string? ifMatch, CancellationToken cancellationToken) =>
        scope.ChangeAsync(caller, patientId, appointmentId, "approve", ifMatch, async (visit, found, setup) =>
        {
            if (Refusal(visit, found.Value) is { } refused)
            {
                return refused;
            }

            var (appointment, now) = (found.Value, scope.Now);
            var approved = appointment with { Status = AppointmentStatus.Booked, HoldUntil = null, Sequence = appointment.Sequence + 1, UpdatedAt = now };
            var notice = Notice.Create(appointment.PatientId, NoticeKind.AppointmentBooked, new NoticeDetails(appointment.Start), appointment.Link, now);
            return await booking.KeepAsync(appointment, approved, found.ETag, setup.VisitType(appointment.VisitTypeId), notice, now, cancellationToken);
        }, cancellationToken);

    /// <summary>Declines the request with a reason; 400 without one, otherwise as <see cref="ApproveAsync"/>.</summary>
    public Task<Result<AppointmentView>> DeclineAsync(Caller caller, string patientId, string appointmentId, string? reason, string? ifMatch, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.RequireText(reason, "reason", MaxReasonLength);
        if (errors.ToFailure() is { } invalid)
        {
            return Task.FromResult<Result<AppointmentView>>(invalid);
        }

        return scope.ChangeAsync(caller, patientId, appointmentId, "decline", ifMatch, async (visit, found, setup) =>
        {
            if (Refusal(visit, found.Value) is { } refused)
            {
                return refused;
            }

            var (appointment, now) = (found.Value, scope.Now);
            var declined = Declined(appointment, visit.Caller.Subject, reason!.Trim(), now);
            var notice = Notice.Create(appointment.PatientId, NoticeKind.AppointmentDeclined, new NoticeDetails(appointment.Start), appointment.Link, now);
            return await booking.ReleaseAsync(appointment, declined, found.ETag, setup.VisitType(appointment.VisitTypeId), notice, now, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>The request declined (by staff, or by the sweep when the hold ended).</summary>
    public static Appointment Declined(Appointment appointment, string by, string reason, DateTimeOffset now) => appointment with
    {
        Status = AppointmentStatus.Declined,
        HoldUntil = null,
        CancelledAt = now,
        CancelledBy = by,
        StatusNote = reason,
        Sequence = appointment.Sequence + 1,
        UpdatedAt = now,
    };

    private static Failure? Refusal(Access.ChartVisit visit, Appointment appointment) =>
        !AppointmentScope.ByStaff(visit) ? new Failure(FailureKind.Forbidden, "Only the clinic's staff approve or decline requests.")
        : appointment.Status != AppointmentStatus.Requested ? new Failure(FailureKind.Conflict, "This appointment is not a pending request.")
        : null;
}
