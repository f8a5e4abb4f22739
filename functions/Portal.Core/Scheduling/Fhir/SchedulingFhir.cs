using Hl7.Fhir.Model;
using Portal.Core.Scheduling.Setup;
using FhirAppointment = Hl7.Fhir.Model.Appointment;
using FhirSchedule = Hl7.Fhir.Model.Schedule;
using FhirSlot = Hl7.Fhir.Model.Slot;

namespace Portal.Core.Scheduling.Fhir;

/// <summary>
/// Scheduling's data as FHIR R4 resources (Hl7.Fhir.R4), for the FHIR API to serve: an appointment as
/// <c>Appointment</c>, an open slot as <c>Slot</c>, a provider's bookable time as <c>Schedule</c>. Pure mapping; the
/// reads go through <see cref="SchedulingFhirReads"/>, which applies the access policy.
/// </summary>
public static class SchedulingFhir
{
    /// <summary>The code system of the clinic's visit types.</summary>
    public const string VisitTypeSystem = "urn:portal:visit-type";

    /// <summary>An appointment as FHIR: status, visit type, reason, times, and the patient, practitioner and location as participants.</summary>
    public static FhirAppointment Appointment(Appointment appointment, ClinicSetup setup)
    {
        var visitType = setup.VisitType(appointment.VisitTypeId);
        var resource = new FhirAppointment
        {
            Id = appointment.AppointmentId,
            Meta = new Meta { VersionId = appointment.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), LastUpdated = appointment.UpdatedAt },
            Status = Status(appointment.Status),
            ServiceType = [VisitTypeConcept(appointment.VisitTypeId, visitType)],
            ReasonCode = [new CodeableConcept { Text = appointment.Reason }],
            Start = appointment.Start,
            End = appointment.End,
            MinutesDuration = (int)(appointment.End - appointment.Start).TotalMinutes,
            Created = appointment.BookedAt.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            Participant =
            [
                Participant($"Patient/{appointment.PatientId}", null),
                Participant($"Practitioner/{appointment.ProviderId}", setup.Provider(appointment.ProviderId)?.Name),
                Participant($"Location/{appointment.LocationId}", setup.Location(appointment.LocationId)?.Name),
            ],
        };
        if (appointment.Status == AppointmentStatus.LateCancel)
        {
            resource.CancelationReason = new CodeableConcept { Text = "Cancelled inside the cancellation cutoff" };
        }

        return resource;
    }

    /// <summary>An open slot as FHIR (status free), in the provider's schedule.</summary>
    public static FhirSlot Slot(Slot slot, VisitType visitType) => new()
    {
        Id = $"{slot.ProviderId}-{visitType.Id}-{slot.Start.UtcDateTime:yyyyMMddHHmm}",
        Schedule = new ResourceReference($"Schedule/{slot.ProviderId}"),
        Status = FhirSlot.SlotStatus.Free,
        ServiceType = [VisitTypeConcept(visitType.Id, visitType)],
        Start = slot.Start,
        End = slot.End,
    };

    /// <summary>A provider's bookable time as a FHIR Schedule (its availability is the templates; slots are computed).</summary>
    public static FhirSchedule Schedule(Provider provider, ClinicSetup setup) => new()
    {
        Id = provider.Id,
        Active = provider.Active,
        Actor = [new ResourceReference($"Practitioner/{provider.Id}", provider.Name), .. setup.Templates.Where(t => t.Value.ProviderId == provider.Id)
            .Select(t => t.Value.LocationId).Distinct().Select(id => new ResourceReference($"Location/{id}", setup.Location(id)?.Name))],
        ServiceType = [.. setup.VisitTypes.Select(v => VisitTypeConcept(v.Value.Id, v.Value))],
        Comment = provider.Specialty,
    };

    /// <summary>The FHIR status of an appointment's status.</summary>
    public static FhirAppointment.AppointmentStatus Status(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Requested => FhirAppointment.AppointmentStatus.Pending,
        AppointmentStatus.Booked or AppointmentStatus.Confirmed => FhirAppointment.AppointmentStatus.Booked,
        AppointmentStatus.CheckedIn => FhirAppointment.AppointmentStatus.CheckedIn,
        AppointmentStatus.Completed => FhirAppointment.AppointmentStatus.Fulfilled,
        AppointmentStatus.NoShow => FhirAppointment.AppointmentStatus.Noshow,
        _ => FhirAppointment.AppointmentStatus.Cancelled,
    };

    private static CodeableConcept VisitTypeConcept(string id, VisitType? visitType) => new(VisitTypeSystem, id, visitType?.Name ?? id, visitType?.Name ?? id);

    private static FhirAppointment.ParticipantComponent Participant(string reference, string? display) => new()
    {
        Actor = new ResourceReference(reference, display),
        Required = FhirAppointment.ParticipantRequired.Required,
        Status = ParticipationStatus.Accepted,
    };
}
