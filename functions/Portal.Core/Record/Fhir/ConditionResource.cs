using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// A problem as a FHIR <c>Condition</c>: US Core's Problems and Health Concerns profile for the problem list and
/// health concerns, its Encounter Diagnosis profile for a visit's diagnosis (category, code, subject).
/// </summary>
public static class ConditionResource
{
    /// <summary>US Core Condition Problems and Health Concerns.</summary>
    public const string ProblemsProfile = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition-problems-health-concerns";

    /// <summary>US Core Condition Encounter Diagnosis.</summary>
    public const string DiagnosisProfile = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition-encounter-diagnosis";

    /// <summary>FHIR's condition categories (problem-list-item, encounter-diagnosis).</summary>
    public const string CategorySystem = "http://terminology.hl7.org/CodeSystem/condition-category";

    /// <summary>US Core's condition categories (health-concern).</summary>
    public const string UsCoreCategorySystem = "http://hl7.org/fhir/us/core/CodeSystem/condition-category";

    private const string Clinical = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private const string Verification = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    /// <summary>The resource.</summary>
    public static Condition From(RecordItem item, HealthProblem problem, FhirContext context)
    {
        var enteredInError = item.Status == RecordStatus.EnteredInError;
        var current = problem.ClinicalStatus is ProblemClinicalStatus.Active or ProblemClinicalStatus.Recurrence or ProblemClinicalStatus.Relapse;
        return new Condition
        {
            Id = item.ItemId,
            Meta = FhirResources.Meta(item, problem.Category == ProblemCategory.EncounterDiagnosis ? DiagnosisProfile : ProblemsProfile),
            Identifier = FhirResources.Identifiers(item),

            // con-5: no clinical status on an entry made in error.
            ClinicalStatus = enteredInError ? null : FhirResources.Coded(Clinical, ClinicalCode(problem.ClinicalStatus)),
            VerificationStatus = enteredInError ? FhirResources.Coded(Verification, "entered-in-error")
                : problem.Verification is { } verification ? FhirResources.Coded(Verification, VerificationCode(verification)) : null,
            Category = [Category(problem.Category)],
            Code = FhirResources.Concept(problem.Codes, problem.Condition),
            Subject = FhirResources.Patient(item.PatientId),
            Encounter = FhirResources.Encounter(item),
            Onset = FhirResources.DateTime(problem.Onset, context),

            // con-4: an abatement only beside a status that says it is over (a sender's contradiction loses the date).
            Abatement = current ? null : FhirResources.DateTime(problem.Abatement, context),
            RecordedDateElement = FhirResources.DateTime(problem.RecordedDate, context),
            Note = FhirResources.Notes(problem.Note),
        };
    }

    /// <summary>The category coding of a problem category.</summary>
    public static CodeableConcept Category(ProblemCategory category) => category switch
    {
        ProblemCategory.ProblemList => FhirResources.Coded(CategorySystem, "problem-list-item", "Problem List Item"),
        ProblemCategory.EncounterDiagnosis => FhirResources.Coded(CategorySystem, "encounter-diagnosis", "Encounter Diagnosis"),
        _ => FhirResources.Coded(UsCoreCategorySystem, "health-concern", "Health Concern"),
    };

    private static string ClinicalCode(ProblemClinicalStatus status) => status switch
    {
        ProblemClinicalStatus.Active => "active",
        ProblemClinicalStatus.Recurrence => "recurrence",
        ProblemClinicalStatus.Relapse => "relapse",
        ProblemClinicalStatus.Inactive => "inactive",
        ProblemClinicalStatus.Remission => "remission",
        _ => "resolved",
    };

    private static string VerificationCode(ProblemVerification verification) => verification switch
    {
        ProblemVerification.Unconfirmed => "unconfirmed",
        ProblemVerification.Provisional => "provisional",
        ProblemVerification.Differential => "differential",
        ProblemVerification.Confirmed => "confirmed",
        _ => "refuted",
    };
}
