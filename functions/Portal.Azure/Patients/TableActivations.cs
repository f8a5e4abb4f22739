using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Patients;

namespace Portal.Azure.Patients;

/// <summary>
/// Pending activation codes in <c>Lookups</c>, PartitionKey <c>activation</c>: RowKey = code hash for each code, and
/// RowKey <c>patient|{patientId}</c> pointing at the patient's current code. Both live in one partition so that
/// ending a code, storing its replacement and moving the pointer is one entity-group transaction.
/// </summary>
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
            DateOnly.ParseExact(entity.GetString("BirthDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            entity.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue,
            entity.GetInt32("FailedAttempts") ?? 0,
            entity.GetString("RedeemedBy"),
            entity.GetDateTimeOffset("RedeemedAt"));
        return new Versioned<PendingActivation>(activation, entity.ETag.ToString());
    }

    public async Task<Versioned<PendingActivation>?> FindCurrentAsync(string patientId, CancellationToken cancellationToken)
    {
        var pointer = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(Partition, PointerRow(patientId), ["CodeHash"], cancellationToken);
        return pointer.HasValue ? await FindAsync(pointer.Value!.GetString("CodeHash"), cancellationToken) : null;
    }

    public async Task ReplaceAsync(Versioned<PendingActivation> current, PendingActivation replacement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();

        // End the current code in the same transaction, guarded by its ETag: if it was redeemed meanwhile, nothing is written.
        if (current.Value.RedeemedBy is null && current.Value.ExpiresAt > now)
        {
            actions.Add(new(TableTransactionActionType.UpdateReplace, ToEntity(current.Value with { ExpiresAt = now }), new ETag(current.ETag)));
        }

        actions.AddRange(IssueActions(replacement));
        await TableErrors.ConditionallyAsync(() => tables.Lookups.SubmitTransactionAsync(actions, cancellationToken), "The activation code");
    }

    public Task UpdateAsync(PendingActivation activation, string eTag, CancellationToken cancellationToken) =>
        TableErrors.ConditionallyAsync(
            () => tables.Lookups.UpdateEntityAsync(ToEntity(activation), new ETag(eTag), TableUpdateMode.Replace, cancellationToken),
            "The activation code");

    /// <summary>Stores a new code and makes it the patient's current one (two entities of one partition: one transaction).</summary>
    internal static IEnumerable<TableTransactionAction> IssueActions(PendingActivation activation) =>
    [
        new(TableTransactionActionType.Add, ToEntity(activation)),
        new(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, PointerRow(activation.PatientId)) { ["CodeHash"] = activation.CodeHash }),
    ];

    private static string PointerRow(string patientId) => "patient|" + TableKeys.Encode(patientId);

    private static TableEntity ToEntity(PendingActivation activation) => new(Partition, activation.CodeHash)
    {
        ["PatientId"] = activation.PatientId,
        ["PatientName"] = activation.PatientName,
        ["BirthDate"] = activation.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["ExpiresAt"] = activation.ExpiresAt,
        ["FailedAttempts"] = activation.FailedAttempts,
        ["RedeemedBy"] = activation.RedeemedBy,
        ["RedeemedAt"] = activation.RedeemedAt,
    };
}
