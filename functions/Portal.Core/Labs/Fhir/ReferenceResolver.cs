using Hl7.Fhir.Model;

namespace Portal.Core.Labs.Fhir;

/// <summary>
/// Resolves references inside one Bundle: <c>#id</c> to a contained resource, an absolute reference to the entry
/// with that full URL, and a relative <c>Type/id</c> to the entry with that type and id (or a full URL ending in it).
/// </summary>
internal sealed class ReferenceResolver
{
    private readonly Dictionary<string, Resource> _byFullUrl = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Resource> _byTypeAndId = new(StringComparer.Ordinal);

    public ReferenceResolver(Bundle? bundle)
    {
        if (bundle is null)
        {
            return;
        }

        foreach (var entry in bundle.Entry)
        {
            if (entry.Resource is not { } resource)
            {
                continue;
            }

            if (entry.FullUrl is { } fullUrl)
            {
                _byFullUrl.TryAdd(fullUrl, resource);
            }

            if (resource.Id is { } id)
            {
                _byTypeAndId.TryAdd($"{resource.TypeName}/{id}", resource);
            }
        }
    }

    public Resource? Resolve(ResourceReference? reference, Resource from)
    {
        var target = reference?.Reference;
        if (string.IsNullOrEmpty(target))
        {
            return null;
        }

        if (target[0] == '#')
        {
            if (from is DomainResource domain)
            {
                var id = target[1..];
                foreach (var contained in domain.Contained)
                {
                    if (contained.Id == id)
                    {
                        return contained;
                    }
                }
            }

            return null;
        }

        if (_byFullUrl.TryGetValue(target, out var byUrl))
        {
            return byUrl;
        }

        // Strip a version suffix (Observation/1/_history/2) and any base URL, then match Type/id.
        var history = target.IndexOf("/_history", StringComparison.Ordinal);
        if (history >= 0)
        {
            target = target[..history];
        }

        var parts = target.Split('/');
        if (parts.Length >= 2)
        {
            var key = $"{parts[^2]}/{parts[^1]}";
            if (_byTypeAndId.TryGetValue(key, out var byId))
            {
                return byId;
            }

            foreach (var (url, resource) in _byFullUrl)
            {
                if (url.EndsWith("/" + key, StringComparison.Ordinal))
                {
                    return resource;
                }
            }
        }

        // A DiagnosticReport may also reference resources contained in itself without '#'.
        return null;
    }
}
