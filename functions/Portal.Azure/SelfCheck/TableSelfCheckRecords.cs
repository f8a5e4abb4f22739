using Azure.Data.Tables;
using Portal.Azure.Record;
using Portal.Azure.Scheduling;
using Portal.Azure.Tables;
using Portal.Core.Record;
using Portal.Core.SelfCheck;

namespace Portal.Azure.SelfCheck;

/// <summary>
/// The self-check's own reads: the chart's visits since a date (one RowKey range of <c>rec|visits|</c>), every reader's
/// marks (one range of <c>recidx|</c>), the confirmations row <c>selfcheck|confirmed</c> of the chart (columns per section),
/// and the patient's calendar-feed pointer in <c>Schedule</c>.
/// </summary>
internal sealed class TableSelfCheckRecords(PortalTables tables) : ISelfCheckRecords
{
    private const string ConfirmedRow = "selfcheck|confirmed";

    public async Task<IReadOnlyList<PostedVisit>> VisitsSinceAsync(string patientId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        // Item ids begin with their clinical date inverted: visits since a date are a RowKey range.
        var prefix = RecordRows.SectionPrefix(RecordSection.Visits);
        var filter = RecordRows.Range(patientId, prefix) + " and " + TableClient.CreateQueryFilter($"RowKey lt {prefix + RecordItemIds.OrderKey(since) + "."}");
        var batches = new RecordBatches(tables, patientId);
        var visits = new List<PostedVisit>();
        await foreach (var row in tables.Charts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (await batches.ItemAsync(row, cancellationToken) is { Status: RecordStatus.Active } item)
            {
                visits.Add(new PostedVisit(item.ItemId, item.History.Count > 0 ? item.History[^1].RecordedAt : item.RecordedAt, item.Confidential));
            }
        }

        return visits;
    }

    public async Task<ReviewMarks> MarksAsync(string patientId, CancellationToken cancellationToken)
    {
        var tallies = RecordTallies.Empty;
        var seen = new Dictionary<string, IReadOnlyDictionary<RecordSection, long>>(StringComparer.Ordinal);
        var reviewed = new List<VisitReview>();
        await foreach (var row in tables.Charts.QueryAsync<TableEntity>(RecordRows.Range(patientId, RecordRows.IndexPrefix), cancellationToken: cancellationToken))
        {
            if (row.RowKey == RecordRows.TalliesRow)
            {
                tallies = RecordRows.ReadJson<RecordTallies>(row, "Data") ?? RecordTallies.Empty;
            }
            else if (row.GetString("VisitId") is { } visitId && row.GetString("Subject") is { } reader)
            {
                reviewed.Add(new VisitReview(reader, visitId, row.GetDateTimeOffset("At")));
            }
            else if (row.GetString("Subject") is { } subject)
            {
                seen[subject] = RecordSections.All
                    .Where(s => row.GetInt64(RecordRows.SeenColumn(s)) is not null)
                    .ToDictionary(s => s, s => row.GetInt64(RecordRows.SeenColumn(s))!.Value);
            }
        }

        return new ReviewMarks(tallies, seen, reviewed);
    }

    public async Task<SectionConfirmations> ConfirmationsAsync(string patientId, CancellationToken cancellationToken)
    {
        var row = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), ConfirmedRow, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return SectionConfirmations.None;
        }

        DateTimeOffset? At(ConfirmedSection section) => row.Value!.GetDateTimeOffset(section.ToString());
        return new SectionConfirmations(At(ConfirmedSection.Profile), At(ConfirmedSection.Medications), At(ConfirmedSection.Allergies), At(ConfirmedSection.EmergencyContacts));
    }

    public Task ConfirmAsync(string patientId, ConfirmedSection section, DateTimeOffset at, string subject, CancellationToken cancellationToken) =>
        tables.Charts.UpsertEntityAsync(
            new TableEntity(TableKeys.Encode(patientId), ConfirmedRow) { [section.ToString()] = at, [section + "By"] = subject },
            TableUpdateMode.Merge,
            cancellationToken);

    public async Task<bool> CalendarFeedInUseAsync(string patientId, CancellationToken cancellationToken) =>
        (await tables.Schedule.GetEntityIfExistsAsync<TableEntity>(TableCalendarTokens.Pointers, TableKeys.Encode(patientId), ["Hash"], cancellationToken)).HasValue;
}
