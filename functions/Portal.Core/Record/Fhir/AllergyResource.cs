using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>An allergy as a FHIR <c>AllergyIntolerance</c> meeting US Core's profile (clinical status, code, patient).</summary>
public static class AllergyResource
{
    /// <summary>US Core AllergyIntolerance.</summary>
    public const string Profile = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-allergyintolerance";

    private const string Clinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    private const string Verification = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";

    /// <summary>The resource.</summary>
    public static AllergyIntolerance From(RecordItem item, Allergy allergy, FhirContext context)
    {
        var enteredInError = item.Status == RecordStatus.EnteredInError;
        var resource = new AllergyIntolerance
        {
            Id = item.ItemId,
            Meta = FhirResources.Meta(item, Profile),
            Identifier = FhirResources.Identifiers(item),

            // ait-2: no clinical status on an entry made in error.
            ClinicalStatus = enteredInError ? null : FhirResources.Coded(Clinical, ClinicalCode(allergy.ClinicalStatus)),
            VerificationStatus = FhirResources.Coded(Verification, enteredInError ? "entered-in-error" : VerificationCode(allergy.Verification)),
            Category = allergy.Category is { } category ? [Category(category)] : [],
            Criticality = allergy.Criticality switch
            {
                AllergyCriticality.Low => AllergyIntolerance.AllergyIntoleranceCriticality.Low,
                AllergyCriticality.High => AllergyIntolerance.AllergyIntoleranceCriticality.High,
                AllergyCriticality.UnableToAssess => AllergyIntolerance.AllergyIntoleranceCriticality.UnableToAssess,
                _ => null,
            },
            Code = FhirResources.Concept(allergy.Codes, allergy.Substance),
            Patient = FhirResources.Patient(item.PatientId),
            Encounter = FhirResources.Encounter(item),
            Onset = FhirResources.DateTime(allergy.Onset, context),
            Note = FhirResources.Notes(allergy.Note),
        };
        if (allergy.Reactions.Count > 0)
        {
            resource.Reaction =
            [
                new AllergyIntolerance.ReactionComponent
                {
                    Manifestation = [.. allergy.Reactions.Select(r => new CodeableConcept { Text = r })],
                    Severity = allergy.Severity switch
                    {
                        AllergySeverity.Mild => AllergyIntolerance.AllergyIntoleranceSeverity.Mild,
                        AllergySeverity.Moderate => AllergyIntolerance.AllergyIntoleranceSeverity.Moderate,
                        AllergySeverity.Severe => AllergyIntolerance.AllergyIntoleranceSeverity.Severe,
                        _ => null,
                    },
                },
            ];
        }

        return resource;
    }

    private static string ClinicalCode(AllergyClinicalStatus status) => status switch
    {
        AllergyClinicalStatus.Active => "active",
        AllergyClinicalStatus.Inactive => "inactive",
        _ => "resolved",
    };

    private static string VerificationCode(AllergyVerification verification) => verification switch
    {
        AllergyVerification.Unconfirmed => "unconfirmed",
        AllergyVerification.Confirmed => "confirmed",
        _ => "refuted",
    };

    private static AllergyIntolerance.AllergyIntoleranceCategory? Category(AllergyCategory category) => category switch
    {
        AllergyCategory.Food => AllergyIntolerance.AllergyIntoleranceCategory.Food,
        AllergyCategory.Medication => AllergyIntolerance.AllergyIntoleranceCategory.Medication,
        AllergyCategory.Environment => AllergyIntolerance.AllergyIntoleranceCategory.Environment,
        _ => AllergyIntolerance.AllergyIntoleranceCategory.Biologic,
    };
}
