using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Scheduling;

/// <summary>Use case: one appointment of the patient, with its ETag.</summary>
public sealed class GetAppointment(AppointmentScope scope)
{
    /// <summary>The appointment; 404/403 per the policy, 404 when it is not in the chart.</summary>
    public async Task<Result<AppointmentView>> ExecuteAsync(Caller caller, string patientId, string appointmentId, CancellationToken cancellationToken)
    {
        var visit = await scope.OpenAsync(caller, patientId, write: false, $"patients/{patientId}/appointments/{appointmentId}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var found = await scope.Appointments.FindAsync(patientId, appointmentId, cancellationToken);
        await scope.RecordAsync(visit.Value, found is not null, cancellationToken);
        return found is null ? Failure.NotFound("The appointment") : scope.View(found, await scope.SetupAsync(cancellationToken));
    }
}
