using Hl7.Fhir.Model;
using FhirImmunization = Hl7.Fhir.Model.Immunization;

namespace Portal.Core.Record.Fhir;

/// <summary>An immunization as a FHIR <c>Immunization</c> meeting US Core's profile (status, vaccine code, patient, occurrence).</summary>
public static class ImmunizationResource
{
    /// <summary>US Core Immunization.</summary>
    public const string Profile = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-immunization";

    /// <summary>The resource.</summary>
    public static FhirImmunization From(RecordItem item, Immunization immunization, FhirContext context) => new()
    {
        Id = item.ItemId,
        Meta = FhirResources.Meta(item, Profile),
        Identifier = FhirResources.Identifiers(item),
        Status = item.Status == RecordStatus.EnteredInError ? FhirImmunization.ImmunizationStatusCodes.EnteredInError
            : immunization.Status == ImmunizationStatus.Completed ? FhirImmunization.ImmunizationStatusCodes.Completed
            : FhirImmunization.ImmunizationStatusCodes.NotDone,
        StatusReason = immunization.Status == ImmunizationStatus.NotDone ? FhirResources.Text(immunization.NotDoneReason) : null,
        VaccineCode = FhirResources.Concept(immunization.Codes, immunization.Vaccine),
        Patient = FhirResources.Patient(item.PatientId),
        Encounter = FhirResources.Encounter(item),
        Occurrence = FhirResources.DateTime(immunization.Date, context) ?? new FhirDateTime(item.ClinicalDate),
        PrimarySource = immunization.PrimarySource,
        Location = FhirResources.Named(immunization.Location),
        LotNumber = immunization.LotNumber,
        Site = FhirResources.Text(immunization.Site),
        Performer = FhirResources.Named(immunization.Performer) is { } performer ? [new FhirImmunization.PerformerComponent { Actor = performer }] : [],
    };
}
