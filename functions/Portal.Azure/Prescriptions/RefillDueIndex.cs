using Azure.Data.Tables;
using Portal.Azure.Record;
using Portal.Azure.Tables;
using Portal.Core.Prescriptions;
using Portal.Core.Record;

namespace Portal.Azure.Prescriptions;

/// <summary>
/// Keeps the refill-due index over every record write (FHIR pushes, clinicians' publishing, approvals, amendments):
/// a medication whose fill or days supply changed gets the row of its new run-out date, before the chart is written.
/// Old rows stay and are dropped by the sweep, which finds them stale against the chart. Run-out dates already past
/// the sweep's look-back would never be read, so they get no row. No change to a fill, no request.
/// </summary>
internal sealed class RefillDueIndex(PortalTables tables, RefillCalendar calendar, TimeProvider clock) : IRecordWriteIndex
{
    public async Task BeforeWriteAsync(RecordWrite write, CancellationToken cancellationToken)
    {
        var oldest = calendar.Today(clock.GetUtcNow()).AddDays(-SweepRefillsDue.LookBackDays);
        var rows = write.Changes
            .Select(change => (Before: change.Before is null ? null : RefillDue.Of(change.Before), After: RefillDue.Of(change.After)))
            .Where(c => c.After is not null && c.After != c.Before && c.After.RunOut >= oldest)
            .Select(c => TableRefillReminders.ToEntity(c.After!));
        foreach (var day in rows.GroupBy(r => r.PartitionKey))
        {
            foreach (var chunk in day.Chunk(100))
            {
                await tables.Lookups.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken);
            }
        }
    }
}
