using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>The searchset Bundle of one page.</summary>
public static class FhirBundles
{
    /// <summary>The page with its <c>self</c> link and, unless it is the last, its <c>next</c> link; no <c>total</c>.</summary>
    public static Bundle Searchset(string fhirBase, FhirSearch search, IReadOnlyList<Resource> resources, string? continuationToken) =>
        Searchset(fhirBase, search.Kind.Name, search.ToQuery, search.ContinuationToken, resources, continuationToken);

    /// <summary>
    /// The page of a search of <paramref name="type"/> whose query string for a continuation token is <paramref name="query"/>
    /// (this page's token is <paramref name="current"/>).
    /// </summary>
    public static Bundle Searchset(string fhirBase, string type, Func<string?, string> query, string? current, IReadOnlyList<Resource> resources, string? continuationToken)
    {
        var address = $"{fhirBase}/{type}?";
        var bundle = new Bundle
        {
            Type = Bundle.BundleType.Searchset,
            Link = [new Bundle.LinkComponent { Relation = "self", Url = address + query(current) }],
            Entry =
            [
                .. resources.Select(resource => new Bundle.EntryComponent
                {
                    FullUrl = $"{fhirBase}/{resource.TypeName}/{resource.Id}",
                    Resource = resource,
                    Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
                }),
            ],
        };
        if (continuationToken is not null)
        {
            bundle.Link.Add(new Bundle.LinkComponent { Relation = "next", Url = address + query(continuationToken) });
        }

        return bundle;
    }
}
