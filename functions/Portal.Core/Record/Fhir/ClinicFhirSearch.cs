using System.Text;
using Hl7.Fhir.Model;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// A search of one of the clinic's types (Slot, Schedule): the parameters the catalog lists for it (each once, but
/// <c>start</c>), <c>_count</c> and the continuation; no patient. The resources come from <see cref="IClinicFhirResources"/>.
/// </summary>
internal static class ClinicFhirSearch
{
    /// <summary>The searchset Bundle, or 400 for bad parameters.</summary>
    public static async Task<Result<Bundle>> ExecuteAsync(
        IClinicFhirResources clinic, Caller caller, FhirResourceKind kind, IEnumerable<KeyValuePair<string, string>> query, FhirAddress address, CancellationToken cancellationToken)
    {
        var values = FhirSearch.Group(query);
        if (FhirSearch.Unsupported(kind, values, "start") is { } unsupported)
        {
            return unsupported;
        }

        if (FhirSearch.PageSize(values) is not { } count)
        {
            return Failure.Invalid(FhirCatalog.CountParameter, $"A whole number from 1; at most {FhirCatalog.MaxCount} are returned per page.");
        }

        var continuation = values.GetValueOrDefault(FhirCatalog.ContinuationParameter)?[0];
        var parameters = kind.SearchParameters.Where(p => values.ContainsKey(p.Name))
            .ToDictionary(p => p.Name, p => (IReadOnlyList<string>)values[p.Name], StringComparer.Ordinal);
        var page = await clinic.SearchAsync(caller, kind, parameters, count, continuation, cancellationToken);
        if (!page.Succeeded)
        {
            return page.Failure;
        }

        string Query(string? token)
        {
            var text = new StringBuilder();
            void Add(string name, string value) => text.Append(text.Length == 0 ? "" : "&").Append(name).Append('=').Append(Uri.EscapeDataString(value));
            foreach (var (name, given) in parameters)
            {
                foreach (var value in given)
                {
                    Add(name, value);
                }
            }

            Add(FhirCatalog.CountParameter, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (token is not null)
            {
                Add(FhirCatalog.ContinuationParameter, token);
            }

            return text.ToString();
        }

        return FhirBundles.Searchset(address.FhirBase, kind.Name, Query, continuation, page.Value.Items, page.Value.ContinuationToken);
    }
}
