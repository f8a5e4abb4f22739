using Hl7.Fhir.Model;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// Use case: <c>GET {type}/{id}</c>, one resource. The resource id is the item id, which is unique within a
/// patient's record only, so the read needs the patient: the <c>Patient</c> resource's id is the patient; for the
/// other types the caller's own links name the patients to look in (a patient's own record first, then those they
/// care for, each only where the policy lets the link read that kind of data), and staff, who have no links, name
/// the patient with <c>?patient={id}</c>. Anything the caller may not see answers 404, like an unknown id.
/// </summary>
public sealed class ReadFhirResource(ChartAccess access, IPatientLinks links, FhirSources sources, TimeProvider time, ProxyRules? rules = null)
{
    /// <summary>The resource, or 404 (unknown type or id, or out of reach), 403 (scope, or the policy on a named patient), 400 (staff without a patient).</summary>
    public async Task<Result<Resource>> ExecuteAsync(
        Caller caller, string type, string id, string? patientId, FhirAddress address, CancellationToken cancellationToken)
    {
        if (FhirCatalog.Find(type) is not { } kind)
        {
            return Failure.NotFound("The resource type");
        }

        var smart = SmartScopes.From(caller.Scopes);
        if (smart is not null && !smart.Covers(kind.Name, SmartInteraction.Read))
        {
            return FhirRefusals.Scope(kind.Name, SmartInteraction.Read);
        }

        if (kind.ClinicLevel)
        {
            // The clinic's own resources: no patient, no chart.
            return FhirSearch.IsId(id) && await sources.Clinic.FindAsync(caller, kind, id, cancellationToken) is { } clinicResource
                ? clinicResource
                : Failure.NotFound($"The {kind.Name}");
        }

        if (patientId is not null && !FhirSearch.IsId(patientId))
        {
            return Failure.Invalid(FhirCatalog.PatientParameter, "A patient id.");
        }

        if (!FhirSearch.IsId(id) || (kind.Name == "Patient" && patientId is not null && patientId != id))
        {
            return Failure.NotFound($"The {kind.Name}");
        }

        var named = kind.Name == "Patient" ? id : patientId;
        IReadOnlyList<(string PatientId, IReadOnlySet<DataCategory>? Readable)> candidates =
            named is not null ? [(named, null)] : await LinkedPatientsAsync(caller, kind, cancellationToken);
        if (candidates.Count == 0)
        {
            return caller.IsStaff
                ? Failure.Invalid(FhirCatalog.PatientParameter, $"Staff name the patient: {kind.Name}/{{id}}?patient={{patientId}}.")
                : Failure.NotFound($"The {kind.Name}");
        }

        var context = sources.Context(address.ApiBase);
        var opened = new List<ChartVisit>();
        var allowed = false;
        Failure? refused = null;
        Resource? found = null;
        foreach (var (candidate, readable) in candidates)
        {
            var visits = new Dictionary<DataCategory, Result<ChartVisit>>();
            foreach (var source in sources.Of(kind).Where(s => readable is null || readable.Contains(s.Category)))
            {
                if (!visits.TryGetValue(source.Category, out var visit))
                {
                    visits[source.Category] = visit = await access.OpenAsync(caller, candidate, Permission.Read(source.Category), $"fhir/r4/{kind.Name}/{id}", cancellationToken);
                    if (visit.Succeeded)
                    {
                        opened.Add(visit.Value);
                        allowed = true;
                    }
                    else
                    {
                        refused ??= visit.Failure;
                        if (visit.Failure.Kind == FailureKind.NotFound)
                        {
                            // No relation to the patient: no other kind of data is open either.
                            break;
                        }
                    }
                }

                if (visit.Succeeded
                    && await source.FindAsync(id, visit.Value, context, cancellationToken) is { } resource
                    && (smart is null || !smart.LimitsByCategory(kind.Name, SmartInteraction.Read) || smart.Covers(kind.Name, SmartInteraction.Read, FhirCategories.Of(resource))))
                {
                    found = resource;
                    await access.RecordAsync(visit.Value, AuditOutcome.Success, cancellationToken);
                    opened.Remove(visit.Value);
                    break;
                }
            }

            if (found is not null)
            {
                break;
            }
        }

        foreach (var visit in opened)
        {
            await access.RecordAsync(visit, AuditOutcome.Failed, cancellationToken);
        }

        // A patient the caller named and may not read answers as the policy said; otherwise nothing was there to see.
        return found is not null ? found
            : named is not null && !allowed && refused is not null ? refused
            : Failure.NotFound($"The {kind.Name}");
    }

    // The patients the caller's links may read some source of the type in, with the categories each may read: their
    // own record first. The policy is asked without a visit, so records the caller cannot read are not touched at all.
    private async Task<IReadOnlyList<(string PatientId, IReadOnlySet<DataCategory>? Readable)>> LinkedPatientsAsync(
        Caller caller, FhirResourceKind kind, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var categories = sources.Of(kind).Select(s => s.Category).Distinct().ToList();
        return [.. (await links.ListAsync(caller.Subject, cancellationToken))
            .Where(link => AccessPolicy.IsInForce(link, now, rules ?? ProxyRules.Default))
            .OrderBy(link => link.Kind == LinkKind.Self ? 0 : 1)
            .Select(link => (link.PatientId, Readable: (IReadOnlySet<DataCategory>?)categories
                .Where(c => AccessPolicy.Decide(caller, link, Permission.Read(c), now, rules ?? ProxyRules.Default) == AccessDecision.Allow).ToHashSet()))
            .Where(candidate => candidate.Readable!.Count > 0)];
    }
}
