using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Record;

namespace Portal.Azure.Record;

/// <summary>
/// How the health record lies in the patient's <c>Charts</c> partition:
/// <list type="bullet">
/// <item><c>rec|{section}|{itemId}</c>: an item (JSON in <c>Data</c>), with <c>Status</c>, <c>Confidential</c>, <c>VisitId</c>
/// and <c>StoppedVisitId</c> as columns so section pages and visit reads filter in the query;</item>
/// <item><c>recid|{system}|{value}</c>: the sending system's identifier → the item (conditional create and update in one point read);</item>
/// <item><c>recidx|tallies</c>, <c>recidx|seen|{subject}</c>, <c>recidx|visit|{subject}|{visitId}</c>: the index rows
/// (section tallies, each caller's seen marks and reviewed visits), read by the summary in one range query;</item>
/// <item><c>recbatch|{writeId}</c>: the commit marker of a write larger than one transaction (see <see cref="RecordBatches"/>).</item>
/// </list>
/// A row written by such a write carries its new values in <c>Pending*</c> columns next to the committed ones until
/// the write is committed and rolled forward; <c>PendingBatch</c> is always present ("" when none), so queries can name it.
/// </summary>
internal static class RecordRows
{
    public const string ItemPrefix = "rec|";
    public const string IdentifierPrefix = "recid|";
    public const string IndexPrefix = "recidx|";
    public const string TalliesRow = "recidx|tallies";
    public const string BatchPrefix = "recbatch|";
    public const string PendingBatch = "PendingBatch";
    public const string Pending = "Pending";

    // A string column holds at most 64 KiB (32K UTF-16 characters); longer JSON continues in Data1, Data2 …
    private const int ChunkChars = 30_000;

    // An entity holds at most 1 MiB: no item needs more chunks than this.
    private const int MaxChunks = 16;

    public static string Partition(string patientId) => TableKeys.Encode(patientId);

    public static string SectionPrefix(RecordSection section) => $"{ItemPrefix}{section.Slug()}|";

    public static string ItemRow(RecordSection section, string itemId) => SectionPrefix(section) + itemId;

    public static string IdentifierRow(SourceIdentifier identifier) => $"{IdentifierPrefix}{Part(identifier.System)}|{Part(identifier.Value)}";

    public static string SeenRow(string subject) => $"{IndexPrefix}seen|{Part(subject)}";

    public static string ReviewedRow(string subject, string visitId) => $"{IndexPrefix}visit|{Part(subject)}|{visitId}";

    public static string BatchRow(string writeId) => BatchPrefix + writeId;

    /// <summary>Rows whose key starts with <paramref name="prefix"/> (the prefix ends with '|': '}' is the next character).</summary>
    public static string Range(string patientId, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {Partition(patientId)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");

    /// <summary>The seen column of a section.</summary>
    public static string SeenColumn(RecordSection section) => "S_" + section;

    /// <summary>An item row with committed values only.</summary>
    public static TableEntity Item(RecordItem item)
    {
        var entity = new TableEntity(Partition(item.PatientId), ItemRow(item.Section, item.ItemId)) { [PendingBatch] = "" };
        SetItem(entity, "", item);
        return entity;
    }

    /// <summary>The columns that carry a pending version of an item (merged into its row).</summary>
    public static TableEntity PendingItem(RecordItem item, string writeId)
    {
        var entity = new TableEntity(Partition(item.PatientId), ItemRow(item.Section, item.ItemId)) { [PendingBatch] = writeId };
        SetItem(entity, Pending, item);

        // Merged into the row: blank the chunks an earlier, longer pending version may have left.
        for (var index = entity.Keys.Count(k => k.StartsWith(Pending + "Data", StringComparison.Ordinal)); index <= MaxChunks; index++)
        {
            entity[Column(Pending + "Data", index)] = "";
        }

        return entity;
    }

    /// <summary>An identifier row pointing at an item; <paramref name="writeId"/> marks it pending until that write commits.</summary>
    public static TableEntity Identifier(string patientId, SourceIdentifier identifier, RecordItem item, string writeId = "") =>
        new(Partition(patientId), IdentifierRow(identifier))
        {
            ["Section"] = item.Section.Slug(),
            ["ItemId"] = item.ItemId,
            [PendingBatch] = writeId,
        };

    /// <summary>The committed item of a row, or null when the row holds none.</summary>
    public static RecordItem? CommittedItem(TableEntity entity) => ReadItem(entity, "");

    /// <summary>The pending item of a row, or null.</summary>
    public static RecordItem? PendingItemOf(TableEntity entity) => ReadItem(entity, Pending);

    /// <summary>The row with its pending version made the committed one (the roll-forward of a committed write).</summary>
    public static TableEntity RolledForward(TableEntity entity)
    {
        if (entity.RowKey.StartsWith(IdentifierPrefix, StringComparison.Ordinal))
        {
            return new TableEntity(entity.PartitionKey, entity.RowKey) { ["Section"] = entity["Section"], ["ItemId"] = entity["ItemId"], [PendingBatch] = "" };
        }

        return Item(PendingItemOf(entity)!);
    }

    public static string Batch(TableEntity entity) => entity.GetString(PendingBatch) ?? "";

    public static string WriteJson<T>(TableEntity entity, string prefix, T value)
    {
        var json = JsonSerializer.Serialize(value, PortalJson.Options);
        for (var (index, offset) = (0, 0); offset < json.Length || index == 0; index++, offset += ChunkChars)
        {
            entity[Column(prefix, index)] = json.Substring(offset, Math.Min(ChunkChars, json.Length - offset));
        }

        return json;
    }

    public static T? ReadJson<T>(TableEntity entity, string prefix)
        where T : class
    {
        if (entity.GetString(Column(prefix, 0)) is not { Length: > 0 } first)
        {
            return null;
        }

        var json = new StringBuilder(first);
        for (var index = 1; entity.GetString(Column(prefix, index)) is { } next; index++)
        {
            json.Append(next);
        }

        return JsonSerializer.Deserialize<T>(json.ToString(), PortalJson.Options);
    }

    /// <summary>A rough size of the entity on the wire, to keep a transaction under its 4 MiB.</summary>
    public static int Size(TableEntity entity) =>
        entity.RowKey.Length + 200 + entity.Sum(p => p.Key.Length + (p.Value is string s ? Encoding.UTF8.GetByteCount(s) + 16 : 32));

    private static void SetItem(TableEntity entity, string prefix, RecordItem item)
    {
        WriteJson(entity, prefix + "Data", item);
        entity[prefix + "Status"] = Status(item.Status);
        entity[prefix + "Confidential"] = item.Confidential;
        entity[prefix + "VisitId"] = item.VisitId ?? "";
        entity[prefix + "StoppedVisitId"] = item.Content.Medication?.StoppedVisitId ?? "";
    }

    private static RecordItem? ReadItem(TableEntity entity, string prefix) => ReadJson<RecordItem>(entity, prefix + "Data");

    public static string Status(RecordStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private static string Column(string prefix, int index) => index == 0 ? prefix : prefix + index.ToString(CultureInfo.InvariantCulture);

    // Keys are joined with '|': escape it inside a part so two parts never read as one.
    private static string Part(string value) => TableKeys.Encode(value).Replace("|", "%7C", StringComparison.Ordinal);
}
