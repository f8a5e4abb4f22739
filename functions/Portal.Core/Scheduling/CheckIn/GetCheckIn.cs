using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Scheduling.CheckIn;

/// <summary>Use case: a visit's check-in as it stands (the window, the questionnaire, the answers), with its ETag.</summary>
public sealed class GetCheckIn(AppointmentScope scope, ICheckIns checkIns)
{
    /// <summary>The check-in; 404/403 per the policy, 404 when the appointment is not in the chart.</summary>
    public async Task<Result<CheckInView>> ExecuteAsync(Caller caller, string patientId, string appointmentId, CancellationToken cancellationToken)
    {
        var visit = await scope.OpenAsync(caller, patientId, write: false, $"patients/{patientId}/appointments/{appointmentId}/check-in", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var found = await scope.Appointments.FindAsync(patientId, appointmentId, cancellationToken);
        var checkIn = found is null ? null : await checkIns.FindAsync(patientId, appointmentId, cancellationToken);
        await scope.RecordAsync(visit.Value, found is not null, cancellationToken);
        return found is null
            ? Failure.NotFound("The appointment")
            : CheckInView.Of(found.Value, checkIn, await scope.SetupAsync(cancellationToken), scope.Zone, scope.Now);
    }
}
