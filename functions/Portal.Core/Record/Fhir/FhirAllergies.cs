using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>AllergyIntolerance → <see cref="Allergy"/>.</summary>
internal static class FhirAllergies
{
    public static MappedContent? Read(AllergyIntolerance resource, string path, FhirIssues issues)
    {
        var errored = FhirValues.Has(resource.VerificationStatus, "entered-in-error");
        var substance = FhirValues.Text(resource.Code);
        if (substance is null)
        {
            issues.Add($"{path}.code", "The substance is required: a code with text or a coding.");
        }

        AllergyClinicalStatus? clinical = FhirValues.Code(resource.ClinicalStatus, "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical") switch
        {
            "active" => AllergyClinicalStatus.Active,
            "inactive" => AllergyClinicalStatus.Inactive,
            "resolved" => AllergyClinicalStatus.Resolved,
            _ => null,
        };
        if (clinical is null && !errored)
        {
            issues.Add($"{path}.clinicalStatus", "Required (active, inactive or resolved) unless the allergy was entered in error.");
        }

        var verification = FhirValues.Code(resource.VerificationStatus, "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification") switch
        {
            "confirmed" => AllergyVerification.Confirmed,
            "refuted" => AllergyVerification.Refuted,
            _ => AllergyVerification.Unconfirmed,
        };
        if (substance is null || (clinical is null && !errored))
        {
            return null;
        }

        var category = resource.Category.FirstOrDefault() switch
        {
            AllergyIntolerance.AllergyIntoleranceCategory.Food => AllergyCategory.Food,
            AllergyIntolerance.AllergyIntoleranceCategory.Medication => AllergyCategory.Medication,
            AllergyIntolerance.AllergyIntoleranceCategory.Environment => AllergyCategory.Environment,
            AllergyIntolerance.AllergyIntoleranceCategory.Biologic => AllergyCategory.Biologic,
            _ => (AllergyCategory?)null,
        };
        var criticality = resource.Criticality switch
        {
            AllergyIntolerance.AllergyIntoleranceCriticality.Low => AllergyCriticality.Low,
            AllergyIntolerance.AllergyIntoleranceCriticality.High => AllergyCriticality.High,
            AllergyIntolerance.AllergyIntoleranceCriticality.UnableToAssess => AllergyCriticality.UnableToAssess,
            _ => (AllergyCriticality?)null,
        };
        var severity = resource.Reaction.Select(r => r.Severity).Where(s => s is not null).Max() switch
        {
            AllergyIntolerance.AllergyIntoleranceSeverity.Mild => AllergySeverity.Mild,
            AllergyIntolerance.AllergyIntoleranceSeverity.Moderate => AllergySeverity.Moderate,
            AllergyIntolerance.AllergyIntoleranceSeverity.Severe => AllergySeverity.Severe,
            _ => (AllergySeverity?)null,
        };
        var reactions = resource.Reaction.SelectMany(r => r.Manifestation).Select(FhirValues.Text).OfType<string>().Distinct().ToList();
        var allergy = new Allergy(
            substance, FhirValues.Codes(resource.Code), category, reactions, severity, criticality, clinical ?? AllergyClinicalStatus.Inactive, verification,
            FhirValues.Time(resource.Onset), resource.Note.FirstOrDefault()?.Text);
        return new MappedContent(new RecordContent(Allergy: allergy), errored, resource.Encounter);
    }
}
