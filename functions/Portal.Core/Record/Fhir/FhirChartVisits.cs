using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Record.Fhir;

/// <summary>Opens the chart once per data category the sources need; each visit is audited by its category's scope.</summary>
internal static class FhirChartVisits
{
    /// <summary>
    /// The allowed visits by category. A patient out of reach is a 404 at once (no other category is tried); when
    /// every category is refused, the first refusal.
    /// </summary>
    public static async Task<Result<Dictionary<DataCategory, ChartVisit>>> OpenAsync(
        ChartAccess access, Caller caller, string patientId, IEnumerable<FhirSource> sources, string resource, CancellationToken cancellationToken)
    {
        var visits = new Dictionary<DataCategory, ChartVisit>();
        Failure? refused = null;
        foreach (var category in sources.Select(s => s.Category).Distinct())
        {
            var visit = await access.OpenAsync(caller, patientId, Permission.Read(category), resource, cancellationToken);
            if (visit.Succeeded)
            {
                visits[category] = visit.Value;
            }
            else if (visit.Failure.Kind == FailureKind.NotFound)
            {
                return visit.Failure;
            }
            else
            {
                refused ??= visit.Failure;
            }
        }

        return visits.Count > 0 ? visits : refused!;
    }
}
