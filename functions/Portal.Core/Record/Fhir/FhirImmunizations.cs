using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>Immunization → <see cref="Immunization"/>.</summary>
internal static class FhirImmunizations
{
    public static MappedContent? Read(Hl7.Fhir.Model.Immunization resource, string path, FhirIssues issues)
    {
        var vaccine = FhirValues.Text(resource.VaccineCode);
        var date = FhirValues.Time(resource.Occurrence);
        if (vaccine is null)
        {
            issues.Add($"{path}.vaccineCode", "The vaccine is required (CVX code or text).");
        }

        if (date is null)
        {
            issues.Add($"{path}.occurrence", "When it was given is required: occurrenceDateTime.");
        }

        if (resource.Status is null)
        {
            issues.Add($"{path}.status", "Required: completed, not-done or entered-in-error.");
        }

        if (vaccine is null || date is null || resource.Status is null)
        {
            return null;
        }

        var immunization = new Immunization(
            vaccine,
            FhirValues.Codes(resource.VaccineCode),
            date,
            resource.Status == Hl7.Fhir.Model.Immunization.ImmunizationStatusCodes.NotDone ? ImmunizationStatus.NotDone : ImmunizationStatus.Completed,
            resource.LotNumber,
            FhirValues.Text(resource.Site),
            resource.Performer.Select(p => FhirValues.Display(p.Actor)).FirstOrDefault(p => p is not null),
            FhirValues.Display(resource.Location),
            resource.PrimarySource,
            FhirValues.Text(resource.StatusReason));
        return new MappedContent(new RecordContent(Immunization: immunization), resource.Status == Hl7.Fhir.Model.Immunization.ImmunizationStatusCodes.EnteredInError, resource.Encounter);
    }
}
