using Azure.Data.Tables;
using Portal.Core.Common;

namespace Portal.Azure.Tables;

/// <summary>Remembered creating requests in <c>Idempotency</c>: PartitionKey = caller subject, RowKey <c>{operation}|{key}</c>.</summary>
internal sealed class IdempotencyReplays(PortalTables tables) : IRequestReplays
{
    public async Task<RequestReplay?> FindAsync(string subject, string operation, string key, CancellationToken cancellationToken)
    {
        var response = await tables.Idempotency.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(subject), Row(operation, key), cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var entity = response.Value!;
        // Registrations stored before replays were shared kept the patient id in PatientId.
        var resourceId = entity.GetString("ResourceId") ?? entity.GetString("PatientId");
        return new RequestReplay(subject, operation, key, entity.GetString("RequestHash"), resourceId, entity.GetDateTimeOffset("CreatedAt") ?? default);
    }

    public Task SaveAsync(RequestReplay replay, CancellationToken cancellationToken) =>
        tables.Idempotency.UpsertEntityAsync(
            new TableEntity(TableKeys.Encode(replay.Subject), Row(replay.Operation, replay.Key))
            {
                ["RequestHash"] = replay.RequestHash,
                ["ResourceId"] = replay.ResourceId,
                ["CreatedAt"] = replay.CreatedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    private static string Row(string operation, string key) => $"{operation}|{TableKeys.Encode(key)}";
}
