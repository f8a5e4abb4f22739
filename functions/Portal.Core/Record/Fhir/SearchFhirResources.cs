using Hl7.Fhir.Model;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// Use case: <c>GET {type}?patient={id}</c>, a page of one patient's resources of one type as a <c>searchset</c>
/// Bundle. The token's SMART scopes (if it is a SMART token) must cover searching the type; each source is read
/// under its own data category through the policy (records, results, profile), audited; a caregiver never sees
/// confidential items. Several sources are paged one after the other; the <c>next</c> link carries where the page
/// stopped. <c>total</c> is left out: counting would read every page.
/// </summary>
public sealed class SearchFhirResources(ChartAccess access, FhirSources sources)
{
    /// <summary>The Bundle, or 404 (unknown type, or a patient out of reach), 403 (scope or policy), 400 (bad parameters).</summary>
    public async Task<Result<Bundle>> ExecuteAsync(
        Caller caller, string type, IEnumerable<KeyValuePair<string, string>> query, FhirAddress address, CancellationToken cancellationToken)
    {
        if (FhirCatalog.Find(type) is not { } kind)
        {
            return Failure.NotFound("The resource type");
        }

        var smart = SmartScopes.From(caller.Scopes);
        if (smart is not null && !smart.Covers(kind.Name, SmartInteraction.Search))
        {
            return FhirRefusals.Scope(kind.Name, SmartInteraction.Search);
        }

        if (kind.ClinicLevel)
        {
            return await ClinicFhirSearch.ExecuteAsync(sources.Clinic, caller, kind, query, address, cancellationToken);
        }

        var parsed = FhirSearch.Parse(kind, query, sources.ClinicZone);
        if (!parsed.Succeeded)
        {
            return parsed.Failure;
        }

        var search = parsed.Value;
        var all = sources.Of(kind);
        var wanted = all.Where(s => search.Categories.Count == 0 || (s.FixedCategory is { } fixedCategory && search.Categories.Any(c => c.Matches(Coding(fixedCategory))))).ToList();
        if (smart is not null && smart.LimitsByCategory(kind.Name, SmartInteraction.Search))
        {
            var covered = wanted.Where(s => s.FixedCategory is null || smart.Covers(kind.Name, SmartInteraction.Search, [s.FixedCategory])).ToList();
            if (covered.Count == 0 && wanted.Count > 0)
            {
                return FhirRefusals.Scope(kind.Name, SmartInteraction.Search);
            }

            wanted = covered;
        }

        // Nothing can match: still answer as the policy says for the patient, so an empty page reveals nothing.
        var readable = wanted.Count > 0 && !search.Dates.IsEmpty ? wanted : [];
        var visits = await FhirChartVisits.OpenAsync(access, caller, search.PatientId, readable.Count > 0 ? readable : [all[0]], $"fhir/r4/{kind.Name}", cancellationToken);
        if (!visits.Succeeded)
        {
            return visits.Failure;
        }

        var open = readable.Where(s => visits.Value.ContainsKey(s.Category)).ToList();
        var start = Start(open, search.ContinuationToken);
        if (start is null)
        {
            return Failure.Invalid(FhirCatalog.ContinuationParameter, "This continuation token belongs to another search.");
        }

        var context = sources.Context(address.ApiBase);
        var resources = new List<Resource>();
        string? next = null;
        try
        {
            for (var index = start.Value.Index; index < open.Count; index++)
            {
                var source = open[index];
                var page = await source.SearchAsync(
                    search, visits.Value[source.Category], search.Count - resources.Count, index == start.Value.Index ? start.Value.Token : null, context, cancellationToken);
                resources.AddRange(page.Items.Where(r => smart is null || !smart.LimitsByCategory(kind.Name, SmartInteraction.Search)
                    || smart.Covers(kind.Name, SmartInteraction.Search, FhirCategories.Of(r))));
                if (page.ContinuationToken is not null)
                {
                    next = $"{source.Key}.{page.ContinuationToken}";
                    break;
                }

                if (resources.Count >= search.Count)
                {
                    next = index + 1 < open.Count ? $"{open[index + 1].Key}." : null;
                    break;
                }
            }
        }
        catch (InvalidContinuationTokenException exception)
        {
            return Failure.Invalid(FhirCatalog.ContinuationParameter, exception.Message);
        }

        foreach (var visit in visits.Value.Values)
        {
            await access.RecordAsync(visit, AuditOutcome.Success, cancellationToken);
        }

        return FhirBundles.Searchset(address.FhirBase, search, resources, next);
    }

    // "{source}.{its token}" (empty token: that source from its start); the first source's start without one.
    private static (int Index, string? Token)? Start(IReadOnlyList<FhirSource> open, string? continuation)
    {
        if (continuation is null)
        {
            return (0, null);
        }

        var dot = continuation.IndexOf('.', StringComparison.Ordinal);
        var index = dot > 0 ? open.ToList().FindIndex(s => s.Key == continuation[..dot]) : -1;
        return index < 0 ? null : (index, continuation[(dot + 1)..] is { Length: > 0 } token ? token : null);
    }

    private static Hl7.Fhir.Model.Coding Coding(string category)
    {
        var bar = category.IndexOf('|', StringComparison.Ordinal);
        return new Hl7.Fhir.Model.Coding(category[..bar], category[(bar + 1)..]);
    }
}
