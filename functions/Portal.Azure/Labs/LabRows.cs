using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Labs.Results;

namespace Portal.Azure.Labs;

/// <summary>
/// How lab results are kept in the patient's <c>Charts</c> partition:
/// <c>labresult|{resultId}</c> (the result, ETag-guarded), <c>labdate|{inverted ticks}|{resultId}</c> (the same result
/// for the newest-first list, with a <c>Released</c> column for the patient's side), <c>labobs|{resultId}|{version}|{seq}</c>
/// (observations per version; <c>Loinc</c> column for trends) and <c>labprefs</c> (the patient's hold choices); and the
/// release index in <c>Lookups</c> partition <c>lab-release-due</c>, RowKey <c>{due ticks}|{patientId}|{resultId}</c>.
/// </summary>
internal static class LabRows
{
    public const string ResultPrefix = "labresult|";
    public const string ListPrefix = "labdate|";
    public const string ObservationPrefix = "labobs|";
    public const string Preferences = "labprefs";
    public const string DuePartition = "lab-release-due";

    public static string ResultRow(string resultId) => ResultPrefix + TableKeys.Encode(resultId);

    public static string ListRow(DateTimeOffset sortTime, string resultId) =>
        $"{ListPrefix}{Inverted(sortTime)}|{TableKeys.Encode(resultId)}";

    public static string ObservationRow(string resultId, int version, int sequence) =>
        $"{VersionPrefix(resultId, version)}{sequence.ToString("D4", CultureInfo.InvariantCulture)}";

    public static string VersionPrefix(string resultId, int version) =>
        $"{ObservationPrefix}{TableKeys.Encode(resultId)}|{version.ToString("D3", CultureInfo.InvariantCulture)}|";

    public static string DueRow(DueRelease due) =>
        $"{due.Due.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}|{TableKeys.Encode(due.PatientId)}|{TableKeys.Encode(due.ResultId)}";

    public static TableEntity Result(LabResult result) => new(TableKeys.Encode(result.PatientId), ResultRow(result.ResultId))
    {
        ["Data"] = JsonSerializer.Serialize(result, PortalJson.Options),
        ["ListRow"] = ListRow(result.SortTime, result.ResultId),
    };

    public static TableEntity ListEntry(LabResult result) => new(TableKeys.Encode(result.PatientId), ListRow(result.SortTime, result.ResultId))
    {
        ["Data"] = JsonSerializer.Serialize(result, PortalJson.Options),
        ["Released"] = result.IsReleased,
    };

    public static TableEntity Observation(string patientId, string resultId, int version, ResultObservation observation) =>
        new(TableKeys.Encode(patientId), ObservationRow(resultId, version, observation.Sequence))
        {
            ["Data"] = JsonSerializer.Serialize(observation, PortalJson.Options),
            ["Loinc"] = observation.Loinc ?? "",
            ["ResultId"] = resultId,
            ["Version"] = version,
        };

    public static TableEntity Due(DueRelease due) => new(DuePartition, DueRow(due))
    {
        ["PatientId"] = due.PatientId,
        ["ResultId"] = due.ResultId,
        ["Due"] = due.Due,
    };

    public static T Read<T>(TableEntity entity) => JsonSerializer.Deserialize<T>(entity.GetString("Data"), PortalJson.Options)!;

    /// <summary>A filter for the rows whose RowKey starts with <paramref name="prefix"/> in one partition.</summary>
    public static string Range(string patientId, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(patientId)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + (char)(prefix[^1] + 1)}");

    private static string Inverted(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
