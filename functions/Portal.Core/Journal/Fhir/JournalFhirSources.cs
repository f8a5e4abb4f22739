using Hl7.Fhir.Model;
using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Record.Fhir;

namespace Portal.Core.Journal.Fhir;

/// <summary>
/// The journal's entries of one FHIR type (Observation: home measurements; QuestionnaireResponse: the other kinds), read
/// under <see cref="DataCategory.Records"/>: the patient and caregivers see every entry, staff only the shared ones.
/// </summary>
internal sealed class JournalEntrySource(IJournal journal, bool measurements)
    : FhirSource(measurements ? "journal" : "journal-notes", DataCategory.Records, null)
{
    public override async Task<Page<Resource>> SearchAsync(
        FhirSearch search, ChartVisit visit, int pageSize, string? continuationToken, FhirContext context, CancellationToken cancellationToken)
    {
        var query = new JournalQuery(measurements ? JournalKind.Measurement : null, search.Dates.From, search.Dates.Until, SharedOnly: !JournalAccess.IsPatientSide(visit));
        var page = await journal.ListAsync(visit.PatientId, query, pageSize, continuationToken, cancellationToken);
        var resources = page.Items
            .Where(e => (e.Kind == JournalKind.Measurement) == measurements)
            .Select(e => JournalResources.From(e, context))
            .Where(r => search.Codes.Count == 0 || search.Codes.Any(code => code.Matches(FhirCategories.CodeOf(r))))
            .ToList();
        return new Page<Resource>(resources, page.ContinuationToken);
    }

    public override async Task<Resource?> FindAsync(string id, ChartVisit visit, FhirContext context, CancellationToken cancellationToken) =>
        id.StartsWith('j') && await journal.FindAsync(visit.PatientId, id, cancellationToken) is { } found
        && (found.Value.Kind == JournalKind.Measurement) == measurements
        && (JournalAccess.IsPatientSide(visit) || found.Value.IsShared)
            ? JournalResources.From(found.Value, context)
            : null;
}

/// <summary>The journal's shares as Provenance resources (a chart holds few: one page).</summary>
internal sealed class JournalShareSource(IJournal journal) : FhirSource("journal-shares", DataCategory.Records, null)
{
    public override async Task<Page<Resource>> SearchAsync(
        FhirSearch search, ChartVisit visit, int pageSize, string? continuationToken, FhirContext context, CancellationToken cancellationToken)
    {
        var shares = (await journal.SharesAsync(visit.PatientId, cancellationToken)).Where(s => search.Dates.Contains(s.SharedAt)).ToList();
        var skip = int.TryParse(continuationToken, out var at) && at > 0 ? at : 0;
        var page = shares.Skip(skip).Take(pageSize).Select(s => (Resource)Provenance(s)).ToList();
        return new Page<Resource>(page, skip + pageSize < shares.Count ? $"{skip + pageSize}" : null);
    }

    public override async Task<Resource?> FindAsync(string id, ChartVisit visit, FhirContext context, CancellationToken cancellationToken) =>
        id.StartsWith('s') && await journal.FindShareAsync(visit.PatientId, id, cancellationToken) is { } share ? Provenance(share) : null;

    private static Provenance Provenance(JournalShare share) => JournalResources.Provenance(share);
}
