using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Profile;

namespace Portal.Core.Billing.Fhir;

/// <summary>The <see cref="IBillingFhir"/> port over the profile and the claims, through <see cref="ChartAccess"/>.</summary>
public sealed class BillingFhir(IProfiles profiles, IClaims claims, ChartAccess access, IOptions<ClinicOptions> clinic) : IBillingFhir
{
    /// <inheritdoc />
    public async Task<Result<List<Coverage>>> CoveragesAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Profile), $"fhir/Coverage?patient={patientId}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var profile = await profiles.FindAsync(patientId, cancellationToken);
        await access.RecordAsync(visit.Value, profile is null ? AuditOutcome.Failed : AuditOutcome.Success, cancellationToken);
        return profile is null ? Failure.NotFound("The patient") : BillingFhirMapping.CoverageOf(profile.Value) is { } coverage ? [coverage] : new List<Coverage>();
    }

    /// <inheritdoc />
    public async Task<Result<List<ExplanationOfBenefit>>> ExplanationsOfBenefitAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Billing), $"fhir/ExplanationOfBenefit?patient={patientId}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var all = await claims.ListAsync(patientId, cancellationToken);
        await access.RecordAsync(visit.Value, AuditOutcome.Success, cancellationToken);
        return all.Select(c => BillingFhirMapping.ExplanationOfBenefitOf(c, clinic.Value.Name)).ToList();
    }
}
