using Portal.Core.Common;
using Portal.Core.Identity;
using FhirAppointment = Hl7.Fhir.Model.Appointment;
using FhirSchedule = Hl7.Fhir.Model.Schedule;
using FhirSlot = Hl7.Fhir.Model.Slot;

namespace Portal.Core.Scheduling.Fhir;

/// <summary>
/// The port the FHIR API plugs in for <c>Appointment</c>, <c>Slot</c> and <c>Schedule</c> read and search: the same
/// policy and audit as the scheduling endpoints (an appointment read is a chart read of Appointments), FHIR resources out.
/// </summary>
public sealed class SchedulingFhirReads(AppointmentScope scope, FindSlots findSlots, IClinicSetup setupStore)
{
    /// <summary><c>GET Appointment/{id}</c> for a patient; 404/403 per the policy.</summary>
    public async Task<Result<FhirAppointment>> AppointmentAsync(Caller caller, string patientId, string appointmentId, CancellationToken cancellationToken)
    {
        var visit = await scope.OpenAsync(caller, patientId, write: false, $"fhir/Appointment/{appointmentId}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var found = await scope.Appointments.FindAsync(patientId, appointmentId, cancellationToken);
        await scope.RecordAsync(visit.Value, found is not null, cancellationToken);
        return found is null ? Failure.NotFound("The appointment") : SchedulingFhir.Appointment(found.Value, await scope.SetupAsync(cancellationToken));
    }

    /// <summary><c>GET Appointment?patient={id}</c>: every appointment of the patient, soonest first.</summary>
    public async Task<Result<IReadOnlyList<FhirAppointment>>> AppointmentsAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var visit = await scope.OpenAsync(caller, patientId, write: false, "fhir/Appointment", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var all = await scope.Appointments.ListAsync(patientId, cancellationToken);
        var setup = await scope.SetupAsync(cancellationToken);
        await scope.RecordAsync(visit.Value, true, cancellationToken);
        return Result<IReadOnlyList<FhirAppointment>>([.. all.OrderBy(a => a.Value.Start).Select(a => SchedulingFhir.Appointment(a.Value, setup))]);
    }

    /// <summary><c>GET Slot?service-type=…&amp;schedule=…&amp;start=…</c>: the open slots, as the slot search finds them.</summary>
    public async Task<Result<IReadOnlyList<FhirSlot>>> SlotsAsync(Caller caller, string visitTypeId, string? providerId, string? from, string? to, CancellationToken cancellationToken)
    {
        var found = await findSlots.ExecuteAsync(caller, visitTypeId, providerId, from, to, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var visitType = (await setupStore.ReadAsync(cancellationToken)).VisitType(visitTypeId)!;
        return Result<IReadOnlyList<FhirSlot>>([.. found.Value.Slots.Select(s => SchedulingFhir.Slot(s, visitType))]);
    }

    /// <summary><c>GET Schedule</c>: one per active provider.</summary>
    public async Task<IReadOnlyList<FhirSchedule>> SchedulesAsync(CancellationToken cancellationToken)
    {
        var setup = await setupStore.ReadAsync(cancellationToken);
        return [.. setup.Providers.Select(p => SchedulingFhir.Schedule(p.Value, setup))];
    }

    private static Result<T> Result<T>(T value) => value;
}
