using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Scheduling;
using Portal.Core.Scheduling.Setup;

namespace Portal.Azure.Scheduling;

/// <summary>The clinic's scheduling setup in <c>Schedule</c>, partition <c>setup</c>: RowKey <c>{kind}|{id}</c>, the item as JSON.</summary>
internal sealed class TableClinicSetup(PortalTables tables) : IClinicSetup
{
    private const string Partition = "setup";

    public async Task<ClinicSetup> ReadAsync(CancellationToken cancellationToken)
    {
        var (providers, locations, visitTypes, templates, exceptions) =
            (new List<Versioned<Provider>>(), new List<Versioned<Location>>(), new List<Versioned<VisitType>>(), new List<Versioned<AvailabilityTemplate>>(), new List<Versioned<AvailabilityException>>());
        await foreach (var row in tables.Schedule.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            var (data, eTag) = (row.GetString("Data"), row.ETag.ToString());
            switch (Enum.Parse<SetupKind>(row.GetString("Kind")))
            {
                case SetupKind.Provider: providers.Add(new(Read<Provider>(data), eTag)); break;
                case SetupKind.Location: locations.Add(new(Read<Location>(data), eTag)); break;
                case SetupKind.VisitType: visitTypes.Add(new(Read<VisitType>(WithQuestionnaire(data)), eTag)); break;
                case SetupKind.Template: templates.Add(new(Read<AvailabilityTemplate>(data), eTag)); break;
                case SetupKind.Exception: exceptions.Add(new(Read<AvailabilityException>(data), eTag)); break;
            }
        }

        return new ClinicSetup(providers, locations, visitTypes, templates, exceptions);
    }

    public async Task<string> SaveAsync(ISetupItem item, string? eTag, CancellationToken cancellationToken)
    {
        var kind = ClinicSetup.KindOf(item);
        var entity = new TableEntity(Partition, Row(kind, item.Id))
        {
            ["Kind"] = kind.ToString(),
            ["Data"] = JsonSerializer.Serialize(item, item.GetType(), PortalJson.Options),
        };
        var response = await TableErrors.ConditionallyAsync(
            () => eTag is null
                ? tables.Schedule.AddEntityAsync(entity, cancellationToken)
                : tables.Schedule.UpdateEntityAsync(entity, new ETag(eTag), TableUpdateMode.Replace, cancellationToken),
            "The setup item");
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
    }

    public Task DeleteAsync(SetupKind kind, string id, string eTag, CancellationToken cancellationToken) =>
        TableErrors.ConditionallyAsync(() => tables.Schedule.DeleteEntityAsync(Partition, Row(kind, id), new ETag(eTag), cancellationToken), "The setup item");

    private static string Row(SetupKind kind, string id) => $"{kind}|{TableKeys.Encode(id)}";

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, PortalJson.Options)!;

    // Visit types stored before the questionnaire had plain "questions": read as optional text questions q1, q2 ….
    private static string WithQuestionnaire(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject item || item["questions"] is not JsonArray questions)
        {
            return json;
        }

        item.Remove("questions");
        item["questionnaire"] = questions.Count == 0 ? null : new JsonArray([.. questions.Select((q, i) => (JsonNode)new JsonObject
        {
            ["linkId"] = $"q{i + 1}",
            ["text"] = q!.GetValue<string>(),
            ["type"] = "string",
            ["required"] = false,
            ["options"] = null,
        })]);
        return item.ToJsonString();
    }
}
