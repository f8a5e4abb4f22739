using Hl7.Fhir.Model;
using Portal.Core.Profile;

namespace Portal.Core.Billing.Fhir;

/// <summary>
/// The bill's FHIR R4 shapes for the patient API: the profile's insurance as a <see cref="Coverage"/> and each
/// insurance claim as an <see cref="ExplanationOfBenefit"/> (adjudication categories from HL7's adjudication code
/// system, the patient's share as CARIN Blue Button's <c>memberliability</c>), with the plain-language explanation as
/// its disposition.
/// </summary>
public static class BillingFhirMapping
{
    private const string Adjudication = "http://terminology.hl7.org/CodeSystem/adjudication";
    private const string CarinAdjudication = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication";

    /// <summary>The id of a patient's coverage resource.</summary>
    public static string CoverageId(string patientId) => $"{patientId}-coverage";

    /// <summary>The patient's coverage, or null without insurance on the profile.</summary>
    public static Coverage? CoverageOf(PatientProfile profile)
    {
        if (profile.Insurance is not { } insurance)
        {
            return null;
        }

        var coverage = new Coverage
        {
            Id = CoverageId(profile.PatientId),
            Status = FinancialResourceStatusCodes.Active,
            SubscriberId = insurance.MemberId,
            Beneficiary = new ResourceReference($"Patient/{profile.PatientId}"),
            Payor = [new ResourceReference { Display = insurance.Payer }],
            Relationship = new CodeableConcept("http://terminology.hl7.org/CodeSystem/subscriber-relationship", "self", "Self"),
        };
        if (insurance.GroupNumber is { } group)
        {
            coverage.Class.Add(new Coverage.ClassComponent { Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/coverage-class", "group", "Group"), Value = group });
        }

        if (insurance.Plan is { } plan)
        {
            coverage.Class.Add(new Coverage.ClassComponent { Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/coverage-class", "plan", "Plan"), Value = plan, Name = plan });
        }

        return coverage;
    }

    /// <summary>A claim as an explanation of benefits.</summary>
    public static ExplanationOfBenefit ExplanationOfBenefitOf(InsuranceClaim claim, string clinicName)
    {
        var eob = new ExplanationOfBenefit
        {
            Id = $"{claim.PatientId}-{claim.ClaimId}",
            Identifier = [new Identifier("urn:portal:claim", claim.ClaimId)],
            Status = ExplanationOfBenefit.ExplanationOfBenefitStatus.Active,
            Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/claim-type", "professional", "Professional"),
            Use = ClaimUseCode.Claim,
            Patient = new ResourceReference($"Patient/{claim.PatientId}"),
            BillablePeriod = new Period { Start = claim.ServiceDate.ToString("yyyy-MM-dd"), End = claim.ServiceDate.ToString("yyyy-MM-dd") },
            Created = claim.UpdatedAt.ToString("o"),
            Insurer = new ResourceReference { Display = claim.Payer },
            Provider = new ResourceReference { Display = clinicName },
            Outcome = claim.Status switch
            {
                ClaimStatus.Submitted or ClaimStatus.InReview => ClaimProcessingCodes.Queued,
                ClaimStatus.Denied => ClaimProcessingCodes.Error,
                _ => ClaimProcessingCodes.Complete,
            },
            Disposition = ClaimRules.Explain(claim),
            Insurance = [new ExplanationOfBenefit.InsuranceComponent { Focal = true, Coverage = new ResourceReference($"Coverage/{CoverageId(claim.PatientId)}") }],
        };
        var item = new ExplanationOfBenefit.ItemComponent
        {
            Sequence = 1,
            ProductOrService = new CodeableConcept("urn:portal:visit", claim.VisitId, "Visit"),
            Serviced = new Date(claim.ServiceDate.Year, claim.ServiceDate.Month, claim.ServiceDate.Day),
        };
        foreach (var (system, code, amount) in Amounts(claim))
        {
            item.Adjudication.Add(new ExplanationOfBenefit.AdjudicationComponent { Category = new CodeableConcept(system, code), Amount = Fhir(amount) });
            eob.Total.Add(new ExplanationOfBenefit.TotalComponent { Category = new CodeableConcept(system, code), Amount = Fhir(amount) });
        }

        if (claim.DenialReason is { } reason)
        {
            item.Adjudication.Add(new ExplanationOfBenefit.AdjudicationComponent
            {
                Category = new CodeableConcept(CarinAdjudication, "denialreason"),
                Reason = new CodeableConcept { Text = reason },
            });
        }

        eob.Item.Add(item);
        return eob;
    }

    private static IEnumerable<(string System, string Code, Money Amount)> Amounts(InsuranceClaim claim)
    {
        yield return (Adjudication, "submitted", claim.Submitted);
        if (claim.Allowed is { } allowed)
        {
            yield return (Adjudication, "eligible", allowed);
        }

        if (claim.Paid is { } paid)
        {
            yield return (Adjudication, "benefit", paid);
        }

        if (claim.PatientResponsibility is { } share)
        {
            yield return (CarinAdjudication, "memberliability", share);
        }
    }

    // FHIR Money is a decimal; built from the exact minor units, never from a float.
    private static Hl7.Fhir.Model.Money Fhir(Money money) => new()
    {
        Value = (decimal)money.Minor / Currencies.Scale(money.Currency),
        Currency = Enum.Parse<Hl7.Fhir.Model.Money.Currencies>(money.Currency),
    };
}
