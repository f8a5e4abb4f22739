using Hl7.Fhir.Model;
using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Record;
using Portal.Core.Record.Fhir;

namespace Portal.Core.Prescriptions;

/// <summary>The patient's refill requests as FHIR Tasks, read under the prescriptions category.</summary>
internal sealed class RefillTaskSource(IRefillRequests requests) : FhirSource("refills", DataCategory.Prescriptions, null)
{
    public override async Task<Page<Resource>> SearchAsync(FhirSearch search, ChartVisit visit, int pageSize, string? continuationToken, FhirContext context, CancellationToken cancellationToken)
    {
        var page = await requests.ListAsync(visit.PatientId, RecordVisibility.ShowsConfidential(visit), pageSize, continuationToken, cancellationToken);
        return new Page<Resource>([.. page.Items.Select(RefillTaskResource.From)], page.ContinuationToken);
    }

    public override async Task<Resource?> FindAsync(string id, ChartVisit visit, FhirContext context, CancellationToken cancellationToken) =>
        await RefillWrites.FindVisibleAsync(requests, visit, id, cancellationToken) is { } found ? RefillTaskResource.From(found.Value) : null;
}
