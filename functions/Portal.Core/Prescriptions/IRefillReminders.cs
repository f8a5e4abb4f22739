using Portal.Core.Notifications;
using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>
/// Port: the refill-due index, one partition per run-out date, written by every record write that gives an active
/// medication a fill and a days supply (index first, then the chart); the sweep reads only the days that are due and
/// checks each row against the chart, so a stale row (a new fill, a stopped medication) sends nothing.
/// </summary>
public interface IRefillReminders
{
    /// <summary>Rows whose run-out date is from <paramref name="from"/> to <paramref name="to"/>, at most <paramref name="max"/>. One query per day.</summary>
    Task<IReadOnlyList<RefillDue>> DueAsync(DateOnly from, DateOnly to, int max, CancellationToken cancellationToken);

    /// <summary>Removes a handled row (gone already is fine).</summary>
    Task DoneAsync(RefillDue due, CancellationToken cancellationToken);

    /// <summary>Adds the reminder notice (its pending row first); false when it is there already (another run wrote it).</summary>
    Task<bool> AddNoticeAsync(Notice notice, CancellationToken cancellationToken);
}

/// <summary>An index row: a medication's current fill runs out on <paramref name="RunOut"/>.</summary>
/// <param name="PatientId">Whose.</param>
/// <param name="MedicationId">Which medication (item id).</param>
/// <param name="FillDate">The fill's first day.</param>
/// <param name="RunOut">Its estimated run-out date.</param>
public sealed record RefillDue(string PatientId, string MedicationId, DateOnly FillDate, DateOnly RunOut)
{
    /// <summary>The row of an item, when it is an active medication with a known run-out date; else null.</summary>
    public static RefillDue? Of(RecordItem item) =>
        item is { Status: RecordStatus.Active, Content.Medication: { Status: MedicationStatus.Active } medication }
        && RefillRules.FillDate(medication) is { } filled && RefillRules.RunOut(medication) is { } runOut
            ? new RefillDue(item.PatientId, item.ItemId, filled, runOut)
            : null;
}
