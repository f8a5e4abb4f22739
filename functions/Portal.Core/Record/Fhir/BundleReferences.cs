using Hl7.Fhir.Model;

namespace Portal.Core.Record.Fhir;

/// <summary>Resolves references inside a transaction Bundle: by an entry's <c>fullUrl</c>, or by <c>Type/id</c> of an entry's resource.</summary>
internal sealed class BundleReferences(Bundle bundle)
{
    private readonly HashSet<int> usedBinaries = [];

    /// <summary>The Binary entry a document's attachment URL points at, or null.</summary>
    public Binary? Binary(string url)
    {
        var index = Find(url, "Binary");
        if (index is null)
        {
            return null;
        }

        usedBinaries.Add(index.Value);
        return bundle.Entry[index.Value].Resource as Binary;
    }

    /// <summary>Binary entries no document used.</summary>
    public IEnumerable<int> UnusedBinaries() =>
        bundle.Entry.Select((entry, index) => (entry, index)).Where(x => x.entry.Resource is Binary && !usedBinaries.Contains(x.index)).Select(x => x.index);

    /// <summary>True when the reference names the Bundle's patient: its Patient entry, or the MRN as identifier.</summary>
    public bool IsPatient(ResourceReference reference, string mrn)
    {
        if (reference.Identifier?.Value is { } value)
        {
            return string.Equals(value, mrn, StringComparison.OrdinalIgnoreCase);
        }

        var index = reference.Reference is { } url ? Find(url, "Patient") : null;
        return index is not null;
    }

    /// <summary>The sender's identifier of the visit a reference names: the entry's first identifier, its identifier, or <c>Encounter/{id}</c> as a sender id.</summary>
    public SourceIdentifier? Identifier(ResourceReference reference, IReadOnlyList<IReadOnlyList<SourceIdentifier>> identifiers)
    {
        if (reference.Identifier is { System: { Length: > 0 } system, Value: { Length: > 0 } value })
        {
            return new SourceIdentifier(system, value);
        }

        if (reference.Reference is not { Length: > 0 } url)
        {
            return null;
        }

        if (Find(url, "Encounter") is { } index)
        {
            return identifiers[index].FirstOrDefault();
        }

        return url.StartsWith("Encounter/", StringComparison.Ordinal) ? SourceIdentifier.FromSenderId("Encounter", url["Encounter/".Length..].Split('/')[0]) : null;
    }

    private int? Find(string url, string type)
    {
        for (var index = 0; index < bundle.Entry.Count; index++)
        {
            var entry = bundle.Entry[index];
            if (entry.Resource?.TypeName == type
                && (entry.FullUrl == url || url == $"{type}/{entry.Resource.Id}" || (entry.FullUrl?.EndsWith("/" + url, StringComparison.Ordinal) == true && url.StartsWith(type + "/", StringComparison.Ordinal))))
            {
                return index;
            }
        }

        return null;
    }
}
