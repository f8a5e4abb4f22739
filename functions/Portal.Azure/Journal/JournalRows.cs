using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Journal;

namespace Portal.Azure.Journal;

/// <summary>
/// How the journal lies in the patient's <c>Charts</c> partition:
/// <list type="bullet">
/// <item><c>jrnl|{inverted ticks of its time}|{entryId}</c>: an entry (JSON in <c>Data</c>), newest first, so a day range is a
/// RowKey range; <c>Kind</c>, <c>Measure</c> and <c>Shared</c> are columns so lists, trends and the care team's reads filter in the query;
/// <c>SharedAt</c> and <c>ShareId</c> are columns a share merges without touching the entry;</item>
/// <item><c>jrnlid|{entryId}</c>: the entry's current row (its time can be edited);</item>
/// <item><c>jq|{questionId}</c>: a question for a visit; <c>jshare|{shareId}</c>: a share.</item>
/// </list>
/// </summary>
internal static class JournalRows
{
    public const string EntryPrefix = "jrnl|";
    public const string PointerPrefix = "jrnlid|";
    public const string QuestionPrefix = "jq|";
    public const string SharePrefix = "jshare|";

    public static string Partition(string patientId) => TableKeys.Encode(patientId);

    public static string Order(DateTimeOffset at) => (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    public static string EntryRow(JournalEntry entry) => $"{EntryPrefix}{Order(entry.At)}|{TableKeys.Encode(entry.EntryId)}";

    public static string PointerRow(string entryId) => PointerPrefix + TableKeys.Encode(entryId);

    public static string QuestionRow(string questionId) => QuestionPrefix + TableKeys.Encode(questionId);

    public static string ShareRow(string shareId) => SharePrefix + TableKeys.Encode(shareId);

    /// <summary>Rows whose key starts with <paramref name="prefix"/> (which ends with '|': '}' is the next character).</summary>
    public static string Range(string patientId, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {Partition(patientId)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");

    /// <summary>The entries the query names, as a filter: the time range is a RowKey range (newest first).</summary>
    public static string Filter(string patientId, JournalQuery query)
    {
        var filter = Range(patientId, EntryPrefix);
        if (query.Until is { } until)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey ge {EntryPrefix + Order(until.AddTicks(-1))}");
        }

        if (query.From is { } from)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey lt {EntryPrefix + Order(from) + "~"}");
        }

        if (query.Kind is { } kind)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Kind eq {Camel(kind)}");
        }

        if (query.Measurement is { } measurement)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Measure eq {Camel(measurement)}");
        }

        return query.SharedOnly ? filter + " and Shared eq true" : filter;
    }

    public static TableEntity Entry(JournalEntry entry) => new(Partition(entry.PatientId), EntryRow(entry))
    {
        ["Data"] = JsonSerializer.Serialize(entry with { SharedAt = null, ShareId = null }, PortalJson.Options),
        ["Kind"] = Camel(entry.Kind),
        ["Measure"] = entry.Measurement is { } m ? Camel(m.Type) : "",
        ["Shared"] = entry.IsShared,
        ["SharedAt"] = entry.SharedAt,
        ["ShareId"] = entry.ShareId,
    };

    /// <summary>The columns a share merges into an entry's row.</summary>
    public static TableEntity Shared(JournalEntry entry, JournalShare share) => new(Partition(entry.PatientId), EntryRow(entry))
    {
        ["Shared"] = true,
        ["SharedAt"] = entry.SharedAt ?? share.SharedAt,
        ["ShareId"] = share.ShareId,
    };

    public static TableEntity Pointer(JournalEntry entry) => new(Partition(entry.PatientId), PointerRow(entry.EntryId)) { ["Row"] = EntryRow(entry) };

    public static JournalEntry ReadEntry(TableEntity entity) =>
        Read<JournalEntry>(entity) with { SharedAt = entity.GetDateTimeOffset("SharedAt"), ShareId = entity.GetString("ShareId") };

    public static TableEntity Json<T>(string patientId, string rowKey, T value) => new(Partition(patientId), rowKey)
    {
        ["Data"] = JsonSerializer.Serialize(value, PortalJson.Options),
    };

    public static T Read<T>(TableEntity entity) => JsonSerializer.Deserialize<T>(entity.GetString("Data"), PortalJson.Options)!;

    private static string Camel<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
