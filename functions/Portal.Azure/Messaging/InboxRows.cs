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
/// <c>1|{last activity, ticks}|…</c> once answered; a closed thread has no row.
/// </summary>
internal static class InboxRows
{
    public static string Partition(string pool) => "inbox|" + TableKeys.Encode(pool);

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
        return $"{band}|{at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}|{TableKeys.Encode(entry.PatientId)}|{entry.ThreadId}";
    }
}
