using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>Condition → <see cref="HealthProblem"/>.</summary>
internal static class FhirProblems
{
    public static MappedContent? Read(Condition resource, string path, FhirIssues issues)
    {
        var condition = FhirValues.Text(resource.Code);
        if (condition is null)
        {
            issues.Add($"{path}.code", "The condition is required (SNOMED CT or ICD-10-CM code, or text).");
        }

        var category = resource.Category.Select(c => c.Coding.Select(x => x.Code).FirstOrDefault(code => code is "problem-list-item" or "encounter-diagnosis" or "health-concern")).FirstOrDefault(c => c is not null) switch
        {
            "problem-list-item" => ProblemCategory.ProblemList,
            "encounter-diagnosis" => ProblemCategory.EncounterDiagnosis,
            "health-concern" => ProblemCategory.HealthConcern,
            _ => (ProblemCategory?)null,
        };
        if (category is null)
        {
            issues.Add($"{path}.category", "Required: problem-list-item, encounter-diagnosis or health-concern.");
        }

        var errored = FhirValues.Has(resource.VerificationStatus, "entered-in-error");
        ProblemClinicalStatus? clinical = FhirValues.Code(resource.ClinicalStatus, "http://terminology.hl7.org/CodeSystem/condition-clinical") switch
        {
            "active" => ProblemClinicalStatus.Active,
            "recurrence" => ProblemClinicalStatus.Recurrence,
            "relapse" => ProblemClinicalStatus.Relapse,
            "inactive" => ProblemClinicalStatus.Inactive,
            "remission" => ProblemClinicalStatus.Remission,
            "resolved" => ProblemClinicalStatus.Resolved,
            // Without a clinical status a diagnosis made at a visit stands as made; an abatement means it is over.
            _ => errored || resource.Abatement is not null ? ProblemClinicalStatus.Inactive : null,
        };
        if (clinical is null && category != ProblemCategory.EncounterDiagnosis)
        {
            issues.Add($"{path}.clinicalStatus", "Required for a problem-list item or health concern (active, recurrence, relapse, inactive, remission or resolved).");
        }

        if (condition is null || category is null || (clinical is null && category != ProblemCategory.EncounterDiagnosis))
        {
            return null;
        }

        var verification = FhirValues.Code(resource.VerificationStatus, "http://terminology.hl7.org/CodeSystem/condition-ver-status") switch
        {
            "unconfirmed" => ProblemVerification.Unconfirmed,
            "provisional" => ProblemVerification.Provisional,
            "differential" => ProblemVerification.Differential,
            "confirmed" => ProblemVerification.Confirmed,
            "refuted" => ProblemVerification.Refuted,
            _ => (ProblemVerification?)null,
        };
        var problem = new HealthProblem(
            condition, FhirValues.Codes(resource.Code), clinical ?? ProblemClinicalStatus.Active, verification, category.Value,
            FhirValues.Time(resource.Onset), FhirValues.Time(resource.Abatement), resource.RecordedDate, resource.Note.FirstOrDefault()?.Text);
        return new MappedContent(new RecordContent(Problem: problem), errored, resource.Encounter);
    }
}
