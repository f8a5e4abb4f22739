using Hl7.Fhir.Model;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Caregivers.Fhir;

/// <summary>
/// Use case: the patient's caregiver grants as FHIR <c>RelatedPerson</c> and <c>Consent</c> resources (search or read by
/// id): read with the permission to see one's caregivers — the patient, the front desk and administrators; caregivers
/// never see other caregivers. Audited like every read of the chart.
/// </summary>
public sealed class ReadCaregiverResources(IProxyGrants grants, ChartAccess access, ProxyRules rules, TimeProvider clock)
{
    /// <summary>The FHIR types served.</summary>
    public static IReadOnlyList<string> Types { get; } = ["RelatedPerson", "Consent"];

    /// <summary>Every grant of the patient as <paramref name="type"/>; 404 for an unknown type, 404/403 per the policy.</summary>
    public async Task<Result<IReadOnlyList<Resource>>> SearchAsync(Caller caller, string patientId, string type, CancellationToken cancellationToken)
    {
        return await ReadAsync(caller, patientId, type, null, cancellationToken);
    }

    /// <summary>One grant as <paramref name="type"/>; 404 when the patient has no such grant.</summary>
    public async Task<Result<Resource>> FindAsync(Caller caller, string patientId, string type, string id, CancellationToken cancellationToken)
    {
        var read = await ReadAsync(caller, patientId, type, id, cancellationToken);
        return !read.Succeeded ? read.Failure
            : read.Value!.Count == 0 ? Failure.NotFound($"The {type}")
            : read.Value[0];
    }

    private async Task<Result<IReadOnlyList<Resource>>> ReadAsync(Caller caller, string patientId, string type, string? id, CancellationToken cancellationToken)
    {
        if (!Types.Contains(type))
        {
            return Failure.NotFound($"The type {type}");
        }

        var resource = id is null ? $"patients/{patientId}/fhir/{type}" : $"patients/{patientId}/fhir/{type}/{id}";
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Proxies), resource, cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var now = clock.GetUtcNow();
        var resources = (await grants.ListAsync(patientId, cancellationToken))
            .Select(g => g.Value)
            .Where(g => id is null || g.GrantId == id)
            .OrderByDescending(g => g.GrantedAt)
            .Select(g => type == "Consent"
                ? (Resource)CaregiverResources.Consent(g, AccessPolicy.IsInForce(g.Link, now, rules))
                : CaregiverResources.Person(g, AccessPolicy.IsInForce(g.Link, now, rules)))
            .ToList<Resource>();
        await access.RecordAsync(visit.Value, resources.Count > 0 || id is null ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return resources;
    }
}
