using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Patients;

namespace Portal.Azure.Patients;

/// <summary>Pending activation codes in <c>Lookups</c>: PartitionKey <c>activation</c>, RowKey = code hash.</summary>
internal sealed class TableActivations(PortalTables tables) : IActivations
{
    internal const string Partition = "activation";

    public async Task<Versioned<PendingActivation>?> FindAsync(string codeHash, CancellationToken cancellationToken)
    {
        var response = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(Partition, codeHash, cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var entity = response.Value!;
        var activation = new PendingActivation(
            codeHash,
            entity.GetString("PatientId"),
            entity.GetString("PatientName") ?? "",
            DateOnly.ParseExact(entity.GetString("BirthDate"), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            entity.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue,
            entity.GetInt32("FailedAttempts") ?? 0,
            entity.GetString("RedeemedBy"),
            entity.GetDateTimeOffset("RedeemedAt"));
        return new Versioned<PendingActivation>(activation, entity.ETag.ToString());
    }

    public async Task ReplaceAsync(string oldCodeHash, PendingActivation replacement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // End the old code first: at no moment are two codes of one registration valid.
        var old = await FindAsync(oldCodeHash, cancellationToken);
        if (old is not null && old.Value.RedeemedBy is null && old.Value.ExpiresAt > now)
        {
            await UpdateAsync(old.Value with { ExpiresAt = now }, old.ETag, cancellationToken);
        }

        await tables.Lookups.AddEntityAsync(ToEntity(replacement), cancellationToken);
    }

    public Task UpdateAsync(PendingActivation activation, string eTag, CancellationToken cancellationToken) =>
        TableErrors.ConditionallyAsync(
            () => tables.Lookups.UpdateEntityAsync(ToEntity(activation), new ETag(eTag), TableUpdateMode.Replace, cancellationToken),
            "The activation code");

    internal static TableEntity ToEntity(PendingActivation activation) => new(Partition, activation.CodeHash)
    {
        ["PatientId"] = activation.PatientId,
        ["PatientName"] = activation.PatientName,
        ["BirthDate"] = activation.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["ExpiresAt"] = activation.ExpiresAt,
        ["FailedAttempts"] = activation.FailedAttempts,
        ["RedeemedBy"] = activation.RedeemedBy,
        ["RedeemedAt"] = activation.RedeemedAt,
    };
}
