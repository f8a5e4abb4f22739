using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;

namespace Portal.Azure.Prescriptions;

/// <summary>What the prescription tables share: JSON in <c>Data</c>, chart ranges, queue rows in <c>Lookups</c> oldest first.</summary>
internal static class PrescriptionRows
{
    public static T Read<T>(TableEntity entity) => JsonSerializer.Deserialize<T>(entity.GetString("Data"), PortalJson.Options)!;

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, PortalJson.Options);

    /// <summary>Rows of one patient's chart whose keys start with <paramref name="prefix"/> (which ends in '|').</summary>
    public static string Range(string patientId, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(patientId)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");

    /// <summary>A queue row key: receipt ticks (oldest first), the patient, the id.</summary>
    public static string QueueRow(DateTimeOffset at, string patientId, string id) =>
        $"{at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}|{TableKeys.Encode(patientId)}|{id}";

    /// <summary>Makes a queue partition hold <paramref name="entry"/> under <paramref name="row"/>, or no row when it is null.</summary>
    public static async Task ReconcileAsync<T>(PortalTables tables, string partition, string row, T? entry, CancellationToken cancellationToken)
        where T : class
    {
        if (entry is not null)
        {
            await tables.Lookups.UpsertEntityAsync(new TableEntity(partition, row) { ["Data"] = Json(entry) }, TableUpdateMode.Replace, cancellationToken);
            return;
        }

        try
        {
            await tables.Lookups.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (TableErrors.IsNotFound(e))
        {
            // Left the queue already.
        }
    }
}
