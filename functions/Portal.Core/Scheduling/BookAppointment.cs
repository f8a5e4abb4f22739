using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Notifications;
using Portal.Core.Scheduling.Setup;

namespace Portal.Core.Scheduling;

/// <summary>
/// Use case: book a slot for a patient: the patient, a caregiver with <c>appointments.write</c>, or staff on the
/// patient's behalf. The slot must be one the templates offer, open, inside the notice and horizon, of a visit type
/// this side may book, and not overlap the patient's other appointments. Race-proof through the claim index
/// (<see cref="SlotBooking"/>). A visit type that needs approval makes a request that holds the slot. With an
/// Idempotency-Key a retry answers with the same appointment (its id and time are remembered first).
/// </summary>
public sealed class BookAppointment(AppointmentScope scope, SlotBooking booking, IRequestReplays replays)
{
    private const string Operation = "appointment";

    /// <summary>The new appointment; 400 for bad input or a slot that may not be booked, 404/403 per the policy, 409 when taken or overlapping.</summary>
    public async Task<Result<AppointmentView>> ExecuteAsync(
        Caller caller, string patientId, NewAppointment request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.RequireText(request.VisitTypeId, "visitTypeId", 40);
        errors.RequireText(request.ProviderId, "providerId", 40);
        errors.RequireText(request.Reason, "reason", SchedulingRules.MaxReasonLength);
        errors.Require(IdempotencyKeys.IsValidOrAbsent(idempotencyKey), IdempotencyKeys.Field, IdempotencyKeys.Rule);
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        var visit = await scope.OpenAsync(caller, patientId, write: true, $"patients/{patientId}/appointments", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var setup = await scope.SetupAsync(cancellationToken);
        var outcome = await BookAsync(visit.Value, setup, request, idempotencyKey, cancellationToken);
        await scope.RecordAsync(visit.Value, outcome.Succeeded, cancellationToken);
        return outcome.Succeeded ? scope.View(outcome.Value, setup) : outcome.Failure;
    }

    private async Task<Result<Versioned<Appointment>>> BookAsync(ChartVisit visit, ClinicSetup setup, NewAppointment request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var now = scope.Now;
        var requestHash = IdempotencyKeys.Hash(new { visit.PatientId, request });
        var replay = idempotencyKey is null ? null : await replays.FindAsync(visit.Caller.Subject, Operation, idempotencyKey, cancellationToken);
        if (replay is not null && replay.IsLive(now))
        {
            if (replay.RequestHash != requestHash)
            {
                return new Failure(FailureKind.Conflict, "This Idempotency-Key was used for a different request.");
            }

            if (await scope.Appointments.FindAsync(visit.PatientId, replay.ResourceId, cancellationToken) is { } earlier)
            {
                return earlier;
            }
        }

        var byStaff = AppointmentScope.ByStaff(visit);
        var visitType = setup.VisitType(request.VisitTypeId);
        var existing = (await scope.Appointments.ListAsync(visit.PatientId, cancellationToken)).Select(a => a.Value).ToList();
        var checkedSlot = SchedulingRules.CheckSlot(setup, visitType, request.ProviderId, request.Start, byStaff, existing, except: null, scope.Zone, now);
        if (!checkedSlot.Succeeded)
        {
            return checkedSlot.Failure;
        }

        if (replay is null || !replay.IsLive(now))
        {
            replay = new RequestReplay(visit.Caller.Subject, Operation, idempotencyKey ?? "", requestHash, Guid.NewGuid().ToString("N"), now);
            if (idempotencyKey is not null)
            {
                await replays.SaveAsync(replay, cancellationToken);
            }
        }

        // Everything below follows from the replay, so a retry writes the very same rows.
        var slot = checkedSlot.Value;
        var requested = visitType!.RequiresApproval && !byStaff;
        var appointment = new Appointment(
            visit.PatientId, replay.ResourceId, visitType.Id, slot.ProviderId, slot.LocationId, slot.Start, slot.End,
            requested ? AppointmentStatus.Requested : AppointmentStatus.Booked, request.Reason.Trim(), visit.Caller.Subject, replay.CreatedAt,
            requested ? replay.CreatedAt + TimeSpan.FromHours(scope.Options.RequestHoldHours) : null, 0, null, null, null, null, replay.CreatedAt);
        var notice = Notice.Create(visit.PatientId, requested ? NoticeKind.AppointmentRequested : NoticeKind.AppointmentBooked, new NoticeDetails(slot.Start), appointment.Link, replay.CreatedAt);
        return await booking.AddAsync(appointment, visitType, notice, now, cancellationToken);
    }
}
