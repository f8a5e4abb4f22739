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
    public const string VisitTypeSystem = Record.Fhir.FhirCatalog.ClinicVisitTypeSystem;

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

    /// <summary>An open slot as FHIR (status free), in the provider's schedule; its id is <see cref="SlotId"/>.</summary>
    public static FhirSlot Slot(Slot slot, VisitType visitType) => new()
    {
        Id = SlotId(visitType.Id, slot.ProviderId, slot.Start),
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

    /// <summary>
    /// A slot's id: <c>{visitType}.{provider}.{yyyyMMddHHmm}</c> (UTC start). Setup ids have no '.', so the id reads back
    /// (<see cref="TryReadSlotId"/>); a slot is computed, not stored, and reading it checks it is still open.
    /// </summary>
    public static string SlotId(string visitTypeId, string providerId, DateTimeOffset start) =>
        $"{visitTypeId}.{providerId}.{start.UtcDateTime.ToString("yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The visit type, provider and start a slot id names, or false.</summary>
    public static bool TryReadSlotId(string id, out string visitTypeId, out string providerId, out DateTimeOffset start)
    {
        var parts = id.Split('.');
        (visitTypeId, providerId, start) = (parts[0], parts.Length > 1 ? parts[1] : "", default);
        return parts.Length == 3 && parts[0].Length > 0 && parts[1].Length > 0
            && DateTimeOffset.TryParseExact(parts[2], "yyyyMMddHHmm", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out start);
    }

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
