using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// A medication as a FHIR <c>MedicationRequest</c> (intent <c>order</c>) meeting US Core's profile (status, intent,
/// medication, subject). Refills remaining and the last fill have no MedicationRequest element (they are a
/// pharmacy's, MedicationDispense's, facts) and are left out rather than forced into one that means something else.
/// </summary>
public static class MedicationRequestResource
{
    /// <summary>US Core MedicationRequest.</summary>
    public const string Profile = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-medicationrequest";

    /// <summary>The resource.</summary>
    public static MedicationRequest From(RecordItem item, Medication medication, FhirContext context)
    {
        var resource = new MedicationRequest
        {
            Id = item.ItemId,
            Meta = FhirResources.Meta(item, Profile),
            Identifier = FhirResources.Identifiers(item),
            Status = item.Status == RecordStatus.EnteredInError ? MedicationRequest.MedicationrequestStatus.EnteredInError : medication.Status switch
            {
                MedicationStatus.Active => MedicationRequest.MedicationrequestStatus.Active,
                MedicationStatus.OnHold => MedicationRequest.MedicationrequestStatus.OnHold,
                MedicationStatus.Stopped => MedicationRequest.MedicationrequestStatus.Stopped,
                _ => MedicationRequest.MedicationrequestStatus.Completed,
            },
            StatusReason = medication.Status == MedicationStatus.Stopped ? FhirResources.Text(medication.StopReason) : null,
            Intent = MedicationRequest.MedicationRequestIntent.Order,
            Medication = FhirResources.Concept(medication.Codes, medication.Name),
            Subject = FhirResources.Patient(item.PatientId),
            Encounter = FhirResources.Encounter(item),
            AuthoredOnElement = FhirResources.DateTime(medication.Start, context),
            Requester = FhirResources.Named(medication.Prescriber),
            ReasonCode = FhirResources.Text(medication.Reason) is { } reason ? [reason] : [],
        };

        var start = FhirResources.DateTimeText(medication.Start, context);
        var end = FhirResources.DateTimeText(medication.End, context);
        if (medication.DoseInstructions is not null || start is not null || end is not null)
        {
            resource.DosageInstruction =
            [
                new Dosage
                {
                    Text = medication.DoseInstructions,
                    Timing = start is null && end is null ? null : new Timing { Repeat = new Timing.RepeatComponent { Bounds = new Period { Start = start, End = end } } },
                },
            ];
        }

        if (medication.DaysSupply is not null || medication.Quantity is not null)
        {
            resource.DispenseRequest = new MedicationRequest.DispenseRequestComponent
            {
                ExpectedSupplyDuration = medication.DaysSupply is { } days
                    ? new Duration { Value = days, Unit = "days", System = CodeSystems.Ucum, Code = "d" }
                    : null,
                Quantity = medication.Quantity is { } quantity
                    ? new Quantity { Value = quantity.Value, Unit = quantity.Unit, System = quantity.UcumCode is null ? null : CodeSystems.Ucum, Code = quantity.UcumCode }
                    : null,
            };
        }

        return resource;
    }
}
