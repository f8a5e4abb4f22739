using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Scheduling.Setup;

namespace Portal.Core.Scheduling;

/// <summary>
/// What every appointment use case starts with: the chart opened through the policy for the patient's appointments,
/// the clinic's setup and zone, the clock; and the way a visit is closed in the audit log.
/// </summary>
public sealed class AppointmentScope(
    ChartAccess access, IAppointments appointments, IClinicSetup setup, IOptions<ClinicOptions> clinic, IOptions<SchedulingOptions> options, TimeProvider clock)
{
    /// <summary>The appointments port.</summary>
    public IAppointments Appointments => appointments;

    /// <summary>The clinic.</summary>
    public ClinicOptions Clinic => clinic.Value;

    /// <summary>The scheduling settings.</summary>
    public SchedulingOptions Options => options.Value;

    /// <summary>The clinic's zone.</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone);

    /// <summary>Now.</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Opens the patient's appointments (404/403 audited per the policy).</summary>
    public Task<Result<ChartVisit>> OpenAsync(Caller caller, string patientId, bool write, string resource, CancellationToken cancellationToken) =>
        access.OpenAsync(caller, patientId, write ? Permission.Change(DataCategory.Appointments) : Permission.Read(DataCategory.Appointments), resource, cancellationToken);

    /// <summary>The clinic's setup. One query.</summary>
    public Task<ClinicSetup> SetupAsync(CancellationToken cancellationToken) => setup.ReadAsync(cancellationToken);

    /// <summary>Closes the visit in the audit log with the outcome.</summary>
    public Task RecordAsync(ChartVisit visit, bool succeeded, CancellationToken cancellationToken) =>
        access.RecordAsync(visit, succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);

    /// <summary>True when the visitor acts as staff (not the patient or a caregiver).</summary>
    public static bool ByStaff(ChartVisit visit) => visit.ActingAs is not ("self" or "proxy");

    /// <summary>The view of an appointment now.</summary>
    public AppointmentView View(Versioned<Appointment> appointment, ClinicSetup clinicSetup) =>
        AppointmentView.Of(appointment, clinicSetup, clinic.Value, options.Value, Now);

    /// <summary>
    /// Runs <paramref name="change"/> on one appointment of an opened chart: 404 when it is not there, the outcome audited.
    /// </summary>
    public async Task<Result<AppointmentView>> ChangeAsync(
        Caller caller, string patientId, string appointmentId, string action, string? ifMatch,
        Func<ChartVisit, Versioned<Appointment>, ClinicSetup, Task<Result<Versioned<Appointment>>>> change, CancellationToken cancellationToken)
    {
        var visit = await OpenAsync(caller, patientId, write: true, $"patients/{patientId}/appointments/{appointmentId}/{action}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var found = await appointments.FindAsync(patientId, appointmentId, cancellationToken);
        Result<Versioned<Appointment>> outcome;
        ClinicSetup clinicSetup = ClinicSetup.Empty;
        if (found is null)
        {
            outcome = Failure.NotFound("The appointment");
        }
        else if (!string.IsNullOrWhiteSpace(ifMatch) && ifMatch != "*" && ifMatch != found.ETag)
        {
            outcome = new Failure(FailureKind.PreconditionFailed, "The appointment changed since you read it; read it again.");
        }
        else
        {
            clinicSetup = await SetupAsync(cancellationToken);
            outcome = await change(visit.Value, found, clinicSetup);
        }

        await RecordAsync(visit.Value, outcome.Succeeded, cancellationToken);
        return outcome.Succeeded ? View(outcome.Value, clinicSetup) : outcome.Failure;
    }
}
