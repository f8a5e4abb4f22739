using System.Text.Json;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Azure.Notifications;

/// <summary>
/// How notices are stored, for every adapter that writes one inside its own entity-group transaction:
/// the chart row <c>notice|{noticeId}</c> (newest first) in the patient's <c>Charts</c> partition, and the pending
/// index row in <c>Lookups</c> partition <c>notice-pending</c> (one row per unsettled notice, with its due time),
/// which is written first ("index first, then chart": an index row without its chart row is dropped by the dispatcher).
/// </summary>
public static class NoticeRows
{
    internal const string PendingPartition = "notice-pending";
    internal const string ChartPrefix = "notice|";

    /// <summary>How long the queue has to deliver a new notice before the sweep takes it.</summary>
    public static readonly TimeSpan SweepGrace = TimeSpan.FromMinutes(2);

    /// <summary>The chart row, to add in the same transaction as the change that caused the notice.</summary>
    public static TableEntity Chart(Notice notice) => new(TableKeys.Encode(notice.PatientId), ChartPrefix + notice.NoticeId)
    {
        ["Data"] = JsonSerializer.Serialize(notice, PortalJson.Options),
    };

    /// <summary>The pending index row, due <see cref="SweepGrace"/> after the notice was created (or at its NotBefore).</summary>
    public static TableEntity Pending(NoticeReference reference, DateTimeOffset due) => new(PendingPartition, PendingRow(reference))
    {
        ["PatientId"] = reference.PatientId,
        ["NoticeId"] = reference.NoticeId,
        ["Due"] = due,
    };

    /// <summary>The pending row of a new notice.</summary>
    public static TableEntity Pending(Notice notice) => Pending(notice.Reference, notice.NotBefore ?? notice.CreatedAt + SweepGrace);

    /// <summary>
    /// Adds a notice whose id follows from what it is about (a reminder), pending row first; false when the chart has it
    /// already (another run wrote it), so overlapping runs send it once.
    /// </summary>
    internal static async Task<bool> AddOnceAsync(PortalTables tables, Notice notice, CancellationToken cancellationToken)
    {
        await tables.Lookups.UpsertEntityAsync(Pending(notice), TableUpdateMode.Replace, cancellationToken);
        try
        {
            await tables.Charts.AddEntityAsync(Chart(notice), cancellationToken);
            return true;
        }
        catch (global::Azure.RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Commits a change to the patient's chart with the notice it causes, if any, in one entity-group transaction: the
    /// pending row first (index first, then chart), then the change and the notice's chart row together.
    /// </summary>
    internal static async Task<global::Azure.Response<IReadOnlyList<global::Azure.Response>>> CommitAsync(
        PortalTables tables, IReadOnlyList<TableTransactionAction> change, Notice? notice, string what, CancellationToken cancellationToken)
    {
        List<TableTransactionAction> actions = [.. change];
        if (notice is not null)
        {
            await tables.Lookups.UpsertEntityAsync(Pending(notice), TableUpdateMode.Replace, cancellationToken);
            actions.Add(new(TableTransactionActionType.Add, Chart(notice)));
        }

        return await TableErrors.ConditionallyAsync(() => tables.Charts.SubmitTransactionAsync(actions, cancellationToken), what);
    }

    internal static string PendingRow(NoticeReference reference) => $"{TableKeys.Encode(reference.PatientId)}|{reference.NoticeId}";

    internal static Notice Read(TableEntity entity) => JsonSerializer.Deserialize<Notice>(entity.GetString("Data"), PortalJson.Options)!;
}
