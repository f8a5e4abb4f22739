using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Messaging;

namespace Portal.Azure.Messaging;

/// <summary>
/// A pool's inbox index in <c>Lookups</c>: PartitionKey <c>inbox|{pool}</c>, one row per open thread. RowKey
/// <c>0|{waiting since, ticks}|{patient}|{thread}</c> while the patient's side waits (oldest first), then
/// <c>1|{last activity, ticks}|…</c> once answered; a closed thread has no row. In the same partition, after the
/// threads, <c>check|{due, ticks}|{patient}|{thread}</c>: a write not yet confirmed (<see cref="InboxCheck"/>).
/// </summary>
internal static class InboxRows
{
    /// <summary>Every inbox row sorts below this key, every check row above it.</summary>
    public const string ChecksFrom = "check|";

    public static string Partition(string pool) => "inbox|" + TableKeys.Encode(pool);

    public static TableEntity Check(MessageThread thread, DateTimeOffset due) =>
        new(Partition(thread.Pool), $"{ChecksFrom}{Ticks(due)}|{TableKeys.Encode(thread.PatientId)}|{thread.ThreadId}")
        {
            ["PatientId"] = thread.PatientId,
            ["ThreadId"] = thread.ThreadId,
            ["Due"] = due,
        };

    public static bool IsCheck(TableEntity row) => row.RowKey.StartsWith(ChecksFrom, StringComparison.Ordinal);

    public static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static TableEntity? For(MessageThread thread) => InboxEntry.Of(thread) is { } entry
        ? new TableEntity(Partition(thread.Pool), RowKey(entry))
        {
            ["PatientId"] = entry.PatientId,
            ["ThreadId"] = entry.ThreadId,
            ["Data"] = JsonSerializer.Serialize(entry, PortalJson.Options),
        }
        : null;

    public static InboxEntry Read(TableEntity entity) => JsonSerializer.Deserialize<InboxEntry>(entity.GetString("Data"), PortalJson.Options)!;

    private static string RowKey(InboxEntry entry)
    {
        var (band, at) = entry.WaitingSince is { } since ? ("0", since) : ("1", entry.LastActivityAt);
        return $"{band}|{Ticks(at)}|{TableKeys.Encode(entry.PatientId)}|{entry.ThreadId}";
    }
}
