using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>CarePlan → <see cref="CarePlan"/>: the narrative (or description) is what the patient reads.</summary>
internal static class FhirCarePlans
{
    public static MappedContent? Read(Hl7.Fhir.Model.CarePlan resource, string path, FhirIssues issues)
    {
        CarePlanStatus? status = resource.Status switch
        {
            RequestStatus.Active or RequestStatus.Unknown => CarePlanStatus.Active,
            RequestStatus.OnHold => CarePlanStatus.OnHold,
            RequestStatus.Completed => CarePlanStatus.Completed,
            RequestStatus.Revoked or RequestStatus.EnteredInError => CarePlanStatus.Revoked,
            _ => null,
        };
        if (status is null)
        {
            issues.Add($"{path}.status", "A draft (or missing status) is not shared with the patient.");
        }

        var summary = FhirValues.Narrative(resource.Text) ?? resource.Description;
        if (summary is null)
        {
            issues.Add($"{path}.text", "The plan in words is required: a narrative (text.div) or a description.");
        }

        if (status is null || summary is null)
        {
            return null;
        }

        var plan = new CarePlan(
            resource.Title ?? resource.Category.Select(FhirValues.Text).FirstOrDefault(c => c is not null && c != "Assessment and Plan of Treatment") ?? "Care plan",
            summary,
            status.Value,
            resource.Period?.Start,
            resource.Period?.End,
            [.. resource.Activity.Select(a => a.Detail?.Description ?? FhirValues.Text(a.Detail?.Code)).OfType<string>()],
            [.. resource.Goal.Select(FhirValues.Display).OfType<string>()],
            FhirValues.Display(resource.Author),
            [.. resource.Category.SelectMany(FhirValues.Codes)]);
        return new MappedContent(new RecordContent(CarePlan: plan), resource.Status == RequestStatus.EnteredInError, resource.Encounter);
    }
}
