using System.Globalization;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Record.Fhir;

namespace Portal.Core.Billing.Fhir;

/// <summary>
/// The FHIR API's <c>ExplanationOfBenefit</c>: one per insurance claim, read under <see cref="DataCategory.Billing"/>
/// (so clinicians do not see them, as they do not see bills). A patient has few claims: one query, paged in memory,
/// newest service date first; the version is the claim's last update.
/// </summary>
internal sealed class ExplanationOfBenefitSource(IClaims claims, IOptions<ClinicOptions> clinic) : FhirSource("claims", DataCategory.Billing, null)
{
    public override async Task<Page<Resource>> SearchAsync(
        FhirSearch search, ChartVisit visit, int pageSize, string? continuationToken, FhirContext context, CancellationToken cancellationToken)
    {
        var skip = continuationToken is null ? 0
            : int.TryParse(continuationToken, NumberStyles.None, CultureInfo.InvariantCulture, out var from) ? from
            : throw new InvalidContinuationTokenException();
        var all = (await claims.ListAsync(visit.PatientId, cancellationToken))
            .OrderByDescending(claim => claim.ServiceDate).ThenBy(claim => claim.ClaimId, StringComparer.Ordinal)
            .ToList();
        var page = all.Skip(skip).Take(pageSize).Select(Resource).ToList<Resource>();
        return new Page<Resource>(page, skip + pageSize < all.Count ? (skip + pageSize).ToString(CultureInfo.InvariantCulture) : null);
    }

    public override async Task<Resource?> FindAsync(string id, ChartVisit visit, FhirContext context, CancellationToken cancellationToken)
    {
        var prefix = $"{visit.PatientId}-";
        return id.StartsWith(prefix, StringComparison.Ordinal) && await claims.FindAsync(visit.PatientId, id[prefix.Length..], cancellationToken) is { } found
            ? Resource(found.Claim)
            : null;
    }

    private ExplanationOfBenefit Resource(InsuranceClaim claim)
    {
        var eob = BillingFhirMapping.ExplanationOfBenefitOf(claim, clinic.Value.Name);
        eob.Meta = new Meta { VersionId = claim.UpdatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), LastUpdated = claim.UpdatedAt };
        return eob;
    }
}
