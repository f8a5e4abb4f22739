using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// MedicationRequest → <see cref="Medication"/>. The drug is the <c>medicationCodeableConcept</c> or a contained
/// Medication; refills allowed, days supply and quantity come from <c>dispenseRequest</c>. What base FHIR has no
/// element for (refills remaining, last fill, controlled substance) comes from the portal's extensions (<see cref="PortalExtensions"/>).
/// </summary>
internal static class FhirMedications
{
    public static MappedContent? Read(MedicationRequest resource, string path, FhirIssues issues)
    {
        var concept = resource.Medication switch
        {
            CodeableConcept code => code,
            ResourceReference { Reference: ['#', ..] local } => resource.Contained.OfType<Hl7.Fhir.Model.Medication>().FirstOrDefault(m => m.Id == local[1..])?.Code,
            _ => null,
        };
        var name = FhirValues.Text(concept) ?? FhirValues.Display(resource.Medication as ResourceReference);
        if (name is null)
        {
            issues.Add($"{path}.medication", "The drug is required: a medicationCodeableConcept, or a reference to a contained Medication or with a display.");
        }

        MedicationStatus? status = resource.Status switch
        {
            MedicationRequest.MedicationrequestStatus.Active or MedicationRequest.MedicationrequestStatus.Unknown => MedicationStatus.Active,
            MedicationRequest.MedicationrequestStatus.OnHold => MedicationStatus.OnHold,
            MedicationRequest.MedicationrequestStatus.Stopped or MedicationRequest.MedicationrequestStatus.Cancelled => MedicationStatus.Stopped,
            MedicationRequest.MedicationrequestStatus.Completed => MedicationStatus.Completed,
            MedicationRequest.MedicationrequestStatus.EnteredInError => MedicationStatus.Stopped,
            _ => null,
        };
        if (status is null)
        {
            issues.Add($"{path}.status", "A draft (or missing status) is not shared with the patient; send active, on-hold, stopped, cancelled, completed or entered-in-error.");
        }

        if (resource.Intent is null or MedicationRequest.MedicationRequestIntent.Proposal or MedicationRequest.MedicationRequestIntent.Option)
        {
            issues.Add($"{path}.intent", "Only prescribed medications are recorded: send intent order, plan or original-order.");
        }

        if (name is null || status is null || resource.Intent is null or MedicationRequest.MedicationRequestIntent.Proposal or MedicationRequest.MedicationRequestIntent.Option)
        {
            return null;
        }

        var dosage = resource.DosageInstruction.FirstOrDefault();
        var bounds = dosage?.Timing?.Repeat?.Bounds as Period;
        var dispense = resource.DispenseRequest;
        var medication = new Medication(
            name,
            FhirValues.Codes(concept),
            dosage?.Text ?? dosage?.PatientInstruction,
            FhirValues.Display(resource.Requester),
            bounds?.Start ?? resource.AuthoredOn,
            bounds?.End,
            status.Value,
            RefillsRemaining: Extension<Integer>(resource, PortalExtensions.RefillsRemaining)?.Value ?? dispense?.NumberOfRepeatsAllowed,
            DaysSupply: Days(dispense?.ExpectedSupplyDuration),
            Quantity: dispense?.Quantity is { Value: { } amount } quantity ? new RecordQuantity(amount, quantity.Unit, quantity.Code) : null,
            LastFillDate: Extension<Date>(resource, PortalExtensions.LastFillDate)?.Value,
            ControlledSubstance: Extension<FhirBoolean>(resource, PortalExtensions.ControlledSubstance)?.Value == true,
            Reason: resource.ReasonCode.Select(FhirValues.Text).FirstOrDefault(t => t is not null));
        return new MappedContent(new RecordContent(Medication: medication), resource.Status == MedicationRequest.MedicationrequestStatus.EnteredInError, resource.Encounter);
    }

    private static T? Extension<T>(DomainResource resource, string url)
        where T : DataType => resource.Extension.FirstOrDefault(e => e.Url == url)?.Value as T;

    private static int? Days(Duration? duration) => duration is { Value: { } value }
        ? duration.Code switch
        {
            "d" => (int)value,
            "wk" => (int)(value * 7),
            "mo" => (int)(value * 30),
            _ => duration.Unit?.StartsWith("day", StringComparison.OrdinalIgnoreCase) == true ? (int)value : null,
        }
        : null;
}
