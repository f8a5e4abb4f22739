using Hl7.Fhir.Model;
using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Record.Fhir;

namespace Portal.Core.Caregivers.Fhir;

/// <summary>
/// The FHIR API's <c>RelatedPerson</c> and <c>Consent</c> resources: the patient's caregiver grants (current and ended),
/// one resource per grant with the grant's id. Read under <see cref="DataCategory.Proxies"/>: the patient, the front
/// desk and administrators; caregivers never see other caregivers. A chart holds few grants: one query, one page.
/// </summary>
internal sealed class CaregiverSource(IProxyGrants grants, ProxyRules rules, TimeProvider clock, bool asConsent)
    : FhirSource(asConsent ? "consents" : "related-persons", DataCategory.Proxies, null)
{
    public override async Task<Page<Resource>> SearchAsync(
        FhirSearch search, ChartVisit visit, int pageSize, string? continuationToken, FhirContext context, CancellationToken cancellationToken) =>
        new([.. (await grants.ListAsync(visit.PatientId, cancellationToken)).Select(g => g.Value).OrderByDescending(g => g.GrantedAt).Select(Resource)], null);

    public override async Task<Resource?> FindAsync(string id, ChartVisit visit, FhirContext context, CancellationToken cancellationToken) =>
        (await grants.ListAsync(visit.PatientId, cancellationToken)).FirstOrDefault(g => g.Value.GrantId == id) is { } found ? Resource(found.Value) : null;

    private Resource Resource(ProxyGrant grant)
    {
        var active = AccessPolicy.IsInForce(grant.Link, clock.GetUtcNow(), rules);
        return asConsent ? CaregiverResources.Consent(grant, active) : CaregiverResources.Person(grant, active);
    }

    /// <summary>The sources of the two types.</summary>
    internal static IEnumerable<KeyValuePair<string, IReadOnlyList<FhirSource>>> Both(IProxyGrants grants, ProxyRules rules, TimeProvider clock) =>
    [
        new("RelatedPerson", [new CaregiverSource(grants, rules, clock, asConsent: false)]),
        new("Consent", [new CaregiverSource(grants, rules, clock, asConsent: true)]),
    ];
}
