using Hl7.Fhir.Model;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Billing.Fhir;

/// <summary>
/// Port for the FHIR API (built as its own feature): a patient's <c>Coverage</c> and <c>ExplanationOfBenefit</c>
/// resources, read through the access policy and audited like every other read of the chart.
/// </summary>
public interface IBillingFhir
{
    /// <summary>The patient's coverage (zero or one), read with the profile's permission (insurance is on the profile).</summary>
    Task<Result<List<Coverage>>> CoveragesAsync(Caller caller, string patientId, CancellationToken cancellationToken);

    /// <summary>One explanation of benefits per insurance claim, read with the billing permission.</summary>
    Task<Result<List<ExplanationOfBenefit>>> ExplanationsOfBenefitAsync(Caller caller, string patientId, CancellationToken cancellationToken);
}
