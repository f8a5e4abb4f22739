using Hl7.Fhir.Model;
using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Profile;
using Portal.Core.Record.Fhir;

namespace Portal.Core.Billing.Fhir;

/// <summary>
/// The FHIR API's <c>Coverage</c>: the insurance on the patient's profile (none or one), read under
/// <see cref="DataCategory.Profile"/> since that is where the patient keeps it.
/// </summary>
internal sealed class CoverageSource(IProfiles profiles) : FhirSource("coverage", DataCategory.Profile, null)
{
    public override async Task<Page<Resource>> SearchAsync(
        FhirSearch search, ChartVisit visit, int pageSize, string? continuationToken, FhirContext context, CancellationToken cancellationToken) =>
        new([.. await CoverageAsync(visit.PatientId, cancellationToken) is { } coverage ? [coverage] : Array.Empty<Resource>()], null);

    public override async Task<Resource?> FindAsync(string id, ChartVisit visit, FhirContext context, CancellationToken cancellationToken) =>
        id == BillingFhirMapping.CoverageId(visit.PatientId) ? await CoverageAsync(visit.PatientId, cancellationToken) : null;

    private async Task<Coverage?> CoverageAsync(string patientId, CancellationToken cancellationToken) =>
        await profiles.FindAsync(patientId, cancellationToken) is { } profile ? BillingFhirMapping.CoverageOf(profile.Value) : null;
}
