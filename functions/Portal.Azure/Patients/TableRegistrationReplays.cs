using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Patients;

namespace Portal.Azure.Patients;

/// <summary>Remembered registrations in <c>Idempotency</c>: PartitionKey = caller subject, RowKey <c>register|{key}</c>.</summary>
internal sealed class TableRegistrationReplays(PortalTables tables) : IRegistrationReplays
{
    public async Task<RegistrationReplay?> FindAsync(string subject, string key, CancellationToken cancellationToken)
    {
        var response = await tables.Idempotency.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(subject), Row(key), cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var entity = response.Value!;
        return new RegistrationReplay(
            subject, key, entity.GetString("RequestHash"), entity.GetString("PatientId"), entity.GetDateTimeOffset("CreatedAt") ?? default);
    }

    public Task SaveAsync(RegistrationReplay replay, CancellationToken cancellationToken) =>
        tables.Idempotency.UpsertEntityAsync(
            new TableEntity(TableKeys.Encode(replay.Subject), Row(replay.Key))
            {
                ["RequestHash"] = replay.RequestHash,
                ["PatientId"] = replay.PatientId,
                ["CreatedAt"] = replay.CreatedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);

    private static string Row(string key) => "register|" + TableKeys.Encode(key);
}
