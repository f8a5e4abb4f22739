using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// A visit as a FHIR <c>Encounter</c> meeting US Core's profile (status, class, type, subject). The after-visit
/// summary's text, instructions and follow-ups have no Encounter element; apps find the visit's notes and
/// documents by their <c>context.encounter</c>.
/// </summary>
public static class EncounterResource
{
    /// <summary>US Core Encounter.</summary>
    public const string Profile = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-encounter";

    private const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    /// <summary>The resource.</summary>
    public static Encounter From(RecordItem item, Visit visit, FhirContext context)
    {
        var (code, display) = visit.Class switch
        {
            VisitClass.Ambulatory => ("AMB", "ambulatory"),
            VisitClass.Emergency => ("EMER", "emergency"),
            VisitClass.Inpatient => ("IMP", "inpatient encounter"),
            VisitClass.Virtual => ("VR", "virtual"),
            _ => ("HH", "home health"),
        };
        return new Encounter
        {
            Id = item.ItemId,
            Meta = FhirResources.Meta(item, Profile),
            Identifier = FhirResources.Identifiers(item),
            Status = item.Status == RecordStatus.EnteredInError ? Encounter.EncounterStatus.EnteredInError : visit.Status switch
            {
                VisitStatus.Planned => Encounter.EncounterStatus.Planned,
                VisitStatus.InProgress => Encounter.EncounterStatus.InProgress,
                VisitStatus.Finished => Encounter.EncounterStatus.Finished,
                _ => Encounter.EncounterStatus.Cancelled,
            },
            Class = new Coding(ActCode, code, display),
            Type = [FhirResources.Concept(visit.TypeCodes, visit.Type)],
            Subject = FhirResources.Patient(item.PatientId),
            Participant = FhirResources.Named(visit.Provider) is { } provider ? [new Encounter.ParticipantComponent { Individual = provider }] : [],
            Period = new Period { Start = FhirResources.DateTimeText(visit.Start, context), End = FhirResources.DateTimeText(visit.End, context) },
            ReasonCode = FhirResources.Text(visit.Reason) is { } reason ? [reason] : [],
            Location = FhirResources.Named(visit.Location) is { } location ? [new Encounter.LocationComponent { Location = location }] : [],
        };
    }
}
