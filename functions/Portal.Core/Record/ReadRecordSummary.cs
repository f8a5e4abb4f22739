using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Record;

/// <summary>
/// Use case: the record summary from the index rows alone (one query): counts per section, what is new for this
/// caller, the last visit. Opening it marks what it showed as seen, for this caller only (a caregiver's reading
/// leaves the patient's "new" as it was). Caregivers get the tallies without confidential items.
/// </summary>
public sealed class ReadRecordSummary(IHealthRecord record, ChartAccess access)
{
    /// <summary>The summary; 404/403 per the access policy.</summary>
    public async Task<Result<RecordSummary>> ExecuteAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Records), $"patients/{patientId}/record", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var index = await record.ReadIndexAsync(patientId, caller.Subject, cancellationToken);
        var shows = RecordVisibility.ShowsConfidential(visit.Value);
        var tallies = index.Tallies.For(shows);
        var sections = RecordSections.All.Select(section =>
        {
            var tally = RecordVisibility.ShowsSection(visit.Value, section) ? tallies.GetValueOrDefault(section) ?? SectionTally.None : SectionTally.None;
            return new SectionSummary(section, section.Slug(), tally.Active, tally.Total, RecordTallyRules.Unseen(tally, index.Marks, section), tally.LastUpdatedAt);
        }).ToList();

        var last = RecordVisibility.ShowsSection(visit.Value, RecordSection.Visits) ? index.Tallies.LastVisitFor(shows) : null;
        if (last is null && sections.Single(s => s.Section == RecordSection.Visits).Active > 0)
        {
            // The last visit was voided or hidden since: the newest active one the caller may see.
            var newest = await record.ReadSectionAsync(patientId, new RecordQuery(RecordSection.Visits, RecordStatusFilter.Active, shows), 1, null, cancellationToken);
            last = newest.Items.FirstOrDefault() is { } item ? new VisitMark(item.ItemId, item.ClinicalDate, item.Content.Visit!.Type, item.Content.Visit.Provider) : null;
        }

        if (sections.Any(s => s.New > 0))
        {
            var seen = sections.Where(s => s.New > 0 && tallies.ContainsKey(s.Section)).ToDictionary(s => s.Section, s => tallies[s.Section].Changes);
            await record.MarkSeenAsync(patientId, caller.Subject, seen, cancellationToken);
        }

        await access.RecordAsync(visit.Value, AuditOutcome.Success, cancellationToken);
        return new RecordSummary(
            patientId,
            sections,
            last is null ? null : new LastVisitSummary(last.VisitId, last.Start, last.Type, last.Provider, index.Marks.ReviewedVisits.Contains(last.VisitId)));
    }
}
