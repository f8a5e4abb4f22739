using System.Text.Json.Nodes;
using Azure.Data.Tables;

namespace Portal.IntegrationTests.Labs;

/// <summary>Reads lab rows straight from the chart table, to check what the ingestion wrote (the API has its own tests).</summary>
internal static class Stored
{
    public static async Task<List<JsonObject>> ResultsAsync(TestPortal portal, string patientId)
    {
        var table = portal.Storage.CreateTableServiceClient().GetTableClient("Charts");
        var results = new List<JsonObject>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {patientId} and RowKey ge 'labdate|' and RowKey lt 'labdate}}'");
        await foreach (var row in table.QueryAsync<TableEntity>(filter))
        {
            results.Add(JsonNode.Parse(row.GetString("Data"))!.AsObject());
        }

        return results;
    }

    public static async Task<List<JsonObject>> ObservationsAsync(TestPortal portal, string patientId, string resultId, int version)
    {
        var table = portal.Storage.CreateTableServiceClient().GetTableClient("Charts");
        var prefix = $"labobs|{resultId}|{version:D3}|";
        var observations = new List<JsonObject>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {patientId} and RowKey ge {prefix} and RowKey lt {prefix + "~"}")))
        {
            observations.Add(JsonNode.Parse(row.GetString("Data"))!.AsObject());
        }

        return observations;
    }

    public static async Task<int> ObservationCountAsync(TestPortal portal, string patientId, string resultId, int version) =>
        (await ObservationsAsync(portal, patientId, resultId, version)).Count;

    public static async Task<List<JsonObject>> NoticesAsync(TestPortal portal, string patientId)
    {
        var table = portal.Storage.CreateTableServiceClient().GetTableClient("Charts");
        var notices = new List<JsonObject>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {patientId} and RowKey ge 'notice|' and RowKey lt 'notice}}'")))
        {
            notices.Add(JsonNode.Parse(row.GetString("Data"))!.AsObject());
        }

        return notices;
    }
}
