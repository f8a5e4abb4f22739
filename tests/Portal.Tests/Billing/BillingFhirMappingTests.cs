using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Portal.Core.Billing;
using Portal.Core.Billing.Fhir;
using Portal.Core.Profile;
using Money = Portal.Core.Billing.Money;

namespace Portal.Tests.Billing;

public class BillingFhirMappingTests
{
    private static readonly InsuranceClaim Paid = new(
        "patient-1", "CLM-1", "visit-7", new DateOnly(2026, 11, 3), "Aetna", "W219384756", new Money(21500, "USD"), ClaimStatus.Paid, null,
        new Money(18000, "USD"), new Money(15000, "USD"), new Money(3500, "USD"), new Money(3000, "USD"), new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero), "billing-kim");

    [Fact]
    public void A_paid_claim_is_an_explanation_of_benefit_with_exact_amounts_and_the_plain_words_as_its_disposition()
    {
        var eob = BillingFhirMapping.ExplanationOfBenefitOf(Paid, "Riverside Family Clinic");

        Assert.Equal(("patient-1-CLM-1", "Patient/patient-1", "Aetna", ClaimProcessingCodes.Complete), (eob.Id, eob.Patient.Reference, eob.Insurer.Display, eob.Outcome));
        Assert.Equal(ClaimRules.Explain(Paid), eob.Disposition);
        Assert.Equal(
            [("submitted", 215.00m), ("eligible", 180.00m), ("benefit", 150.00m), ("memberliability", 30.00m)],
            eob.Total.Select(t => (t.Category.Coding[0].Code, t.Amount.Value ?? 0m)));
        Assert.Equal("Coverage/patient-1-coverage", eob.Insurance[0].Coverage.Reference);
        Assert.Equal("2026-11-03", eob.BillablePeriod?.Start);
        Assert.Contains("\"resourceType\":\"ExplanationOfBenefit\"", new FhirJsonSerializer().SerializeToString(eob));
    }

    [Fact]
    public void A_denied_claim_is_an_error_outcome_with_its_reason_and_a_profile_without_insurance_has_no_coverage()
    {
        var denied = Paid with { Status = ClaimStatus.Denied, DenialReason = "Coverage ended", Allowed = null, Paid = null, Adjusted = null, PatientResponsibility = null };

        var eob = BillingFhirMapping.ExplanationOfBenefitOf(denied, "Riverside Family Clinic");

        Assert.Equal(ClaimProcessingCodes.Error, eob.Outcome);
        Assert.Contains(eob.Item[0].Adjudication, a => a.Reason?.Text == "Coverage ended");
        Assert.Null(BillingFhirMapping.CoverageOf(Profile(null)));
    }

    [Fact]
    public void The_profiles_insurance_is_the_patients_coverage()
    {
        var coverage = BillingFhirMapping.CoverageOf(Profile(new Insurance("Aetna", "Choice POS II", "W219384756", "GRP-88")))!;

        Assert.Equal(("patient-1-coverage", "W219384756", "Patient/patient-1", "Aetna"), (coverage.Id, coverage.SubscriberId, coverage.Beneficiary.Reference, coverage.Payor[0].Display));
        Assert.Equal(["group", "plan"], coverage.Class.Select(c => c.Type.Coding[0].Code));
    }

    private static PatientProfile Profile(Insurance? insurance) =>
        Portal.Tests.Profile.Profiles.Ana() with { PatientId = "patient-1", Insurance = insurance };
}
