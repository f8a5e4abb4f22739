using System.Globalization;
using Hl7.Fhir.Model;
using Portal.Core.Common;
using Portal.Core.Labs.Results;
using Portal.Core.Record.Fhir;

namespace Portal.Core.Labs.Fhir;

/// <summary>
/// The FHIR API's lab results (<see cref="ILabResultsReader"/>) over the stored results: a <c>DiagnosticReport</c> per
/// result and an <c>Observation</c> per observation of its current version (<see cref="LabResultFhir"/>), newest first.
/// The patient's side sees released results only, as in the portal's own list; a FHIR read never marks a result reviewed.
/// </summary>
/// <remarks>
/// A page is one page of results plus one range query per result for its observations. A page of observations may end
/// inside a result, so its continuation names the results page, the result in it and the observation to go on from.
/// </remarks>
public sealed class LabResultsFhirReader(ILabResults results) : ILabResultsReader
{
    /// <inheritdoc />
    public async Task<Page<Resource>> SearchAsync(string patientId, LabResultsQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var from = LabPosition.Parse(continuationToken);
        var page = await results.ListAsync(patientId, query.ReleasedOnly, pageSize, from.ResultsToken, cancellationToken);
        var found = new List<Resource>();
        for (var index = from.Result; index < page.Items.Count; index++)
        {
            var result = page.Items[index];
            if (!query.Dates.Contains(result.SortTime))
            {
                continue;
            }

            var (report, observations) = await MapAsync(result, cancellationToken);
            if (query.ResourceType == nameof(DiagnosticReport))
            {
                found.AddRange(Matches(query, report) ? [report] : []);
                continue;
            }

            var skip = index == from.Result ? from.Observation : 0;
            var matching = observations.Where(o => Matches(query, o)).Skip(skip).ToList();
            var room = pageSize - found.Count;
            found.AddRange(matching.Take(room));
            if (matching.Count > room)
            {
                return new Page<Resource>(found, new LabPosition(from.ResultsToken, index, skip + room).Format());
            }
        }

        return new Page<Resource>(found, page.ContinuationToken is { } next ? new LabPosition(next, 0, 0).Format() : null);
    }

    /// <inheritdoc />
    public async Task<Resource?> FindAsync(string patientId, string resourceType, string id, bool releasedOnly, CancellationToken cancellationToken)
    {
        // A report's id is its result's; an observation's is "{result}-{sequence}".
        var resultId = resourceType == nameof(Observation) && id.LastIndexOf('-') is > 0 and var dash ? id[..dash] : id;
        if (await results.FindAsync(patientId, resultId, cancellationToken) is not { } found || (releasedOnly && !found.Value.IsReleased))
        {
            return null;
        }

        var (report, observations) = await MapAsync(found.Value, cancellationToken);
        return resourceType == nameof(DiagnosticReport) ? report : observations.FirstOrDefault(o => o.Id == id);
    }

    private async Task<(DiagnosticReport Report, IReadOnlyList<Observation> Observations)> MapAsync(LabResult result, CancellationToken cancellationToken)
    {
        var (report, observations) = LabResultFhir.Map(result, await results.ObservationsAsync(result.PatientId, result.ResultId, result.Version, cancellationToken));
        var meta = new Meta
        {
            VersionId = result.Version.ToString(CultureInfo.InvariantCulture),
            LastUpdated = result.ReleasedAt > result.ReceivedAt ? result.ReleasedAt : result.ReceivedAt,
        };
        foreach (var resource in observations.Prepend<Resource>(report))
        {
            resource.Meta = (Meta)meta.DeepCopy();
        }

        return (report, observations);
    }

    private static bool Matches(LabResultsQuery query, Resource resource) =>
        query.Codes.Count == 0 || query.Codes.Any(code => code.Matches(FhirCategories.CodeOf(resource)));
}
