using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Notifications;

namespace Portal.Azure.Notifications;

/// <summary>The language each number is texted in: <c>Lookups</c>, PartitionKey <c>smslanguage</c>, RowKey the E.164 number, <c>Language</c>.</summary>
internal sealed class TableSmsLanguages(PortalTables tables) : ISmsLanguages
{
    private const string Partition = "smslanguage";

    public async Task<string?> FindAsync(string phone, CancellationToken cancellationToken)
    {
        var row = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Encode(phone), ["Language"], cancellationToken);
        return row.HasValue ? row.Value!.GetString("Language") : null;
    }

    public Task RememberAsync(string phone, string language, CancellationToken cancellationToken) =>
        tables.Lookups.UpsertEntityAsync(new TableEntity(Partition, TableKeys.Encode(phone)) { ["Language"] = language }, TableUpdateMode.Replace, cancellationToken);
}
