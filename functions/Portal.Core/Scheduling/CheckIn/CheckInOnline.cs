using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Scheduling.CheckIn;

/// <summary>
/// Use case: check in before a visit (the patient, a caregiver with <c>appointments.write</c>, or staff for them), from
/// 3 days before until the start: record that the contact details and insurance were confirmed (with the time) and the
/// questionnaire's answers, and mark the appointment, in one chart transaction (the day view shows it). Sending the same
/// check-in again replaces it (PUT); an If-Match that no longer matches is 412.
/// </summary>
public sealed class CheckInOnline(AppointmentScope scope, ICheckIns checkIns, SlotBooking booking)
{
    /// <summary>The check-in; 400 (field errors), 404/403, 409 (outside the window, not booked), 412.</summary>
    public async Task<Result<CheckInView>> ExecuteAsync(
        Caller caller, string patientId, string appointmentId, CheckInRequest request, string? ifMatch, CancellationToken cancellationToken)
    {
        var visit = await scope.OpenAsync(caller, patientId, write: true, $"patients/{patientId}/appointments/{appointmentId}/check-in", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = await CheckInAsync(visit.Value.Caller, patientId, appointmentId, request, ifMatch, cancellationToken);
        await scope.RecordAsync(visit.Value, outcome.Succeeded, cancellationToken);
        return outcome;
    }

    private async Task<Result<CheckInView>> CheckInAsync(
        Caller caller, string patientId, string appointmentId, CheckInRequest request, string? ifMatch, CancellationToken cancellationToken)
    {
        var (now, zone) = (scope.Now, scope.Zone);
        if (await scope.Appointments.FindAsync(patientId, appointmentId, cancellationToken) is not { } found)
        {
            return Failure.NotFound("The appointment");
        }

        if (CheckInWindow.Refusal(found.Value, zone, now) is { } refused)
        {
            return refused;
        }

        var setup = await scope.SetupAsync(cancellationToken);
        var answers = CheckInAnswers.Read(request, setup.VisitType(found.Value.VisitTypeId)?.Questionnaire, patientId, found.Value.VisitTypeId, now);
        if (!answers.Succeeded)
        {
            return answers.Failure;
        }

        var earlier = await checkIns.FindAsync(patientId, appointmentId, cancellationToken);
        if (!string.IsNullOrWhiteSpace(ifMatch) && ifMatch != "*" && ifMatch != (earlier?.ETag ?? CheckInView.None))
        {
            return Stale();
        }

        var checkIn = new PreVisitCheckIn(patientId, appointmentId, now, now, answers.Value, caller.Subject, now);
        var marked = found.Value with { OnlineCheckInAt = now, UpdatedAt = now };
        try
        {
            var (eTag, _) = await checkIns.SaveAsync(checkIn, earlier?.ETag, marked, found.ETag, cancellationToken);
            await booking.RecordAsync(marked, null, cancellationToken);
            return CheckInView.Of(marked, new Versioned<PreVisitCheckIn>(checkIn, eTag), setup, zone, now);
        }
        catch (ConcurrencyConflictException)
        {
            return Stale();
        }
    }

    private static Failure Stale() => new(FailureKind.PreconditionFailed, "The check-in or the appointment changed since you read it; read it again.");
}
