using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Billing;

namespace Portal.Azure.Billing;

/// <summary>
/// The open-balance index: <c>Lookups</c> partition <c>billing-open</c>, a row per patient whose balance opened, with
/// <c>Due</c>, the next statement close. The timer reads only rows due now: O(patients who owe), not O(charts).
/// </summary>
internal sealed class TableOpenBalances(PortalTables tables) : IOpenBalances
{
    public async Task<IReadOnlyList<OpenBalance>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var rows = new List<OpenBalance>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {BillingRows.OpenPartition} and Due le {now.ToUniversalTime()}");
        await foreach (var row in tables.Lookups.QueryAsync<TableEntity>(filter, maxPerPage: max, select: ["PatientId", "Due"], cancellationToken: cancellationToken))
        {
            rows.Add(new OpenBalance(row.GetString("PatientId"), row.GetDateTimeOffset("Due") ?? now, row.ETag.ToString()));
            if (rows.Count == max)
            {
                break;
            }
        }

        return rows;
    }

    public Task MoveAsync(string patientId, DateTimeOffset due, CancellationToken cancellationToken) =>
        tables.Lookups.UpsertEntityAsync(
            new TableEntity(BillingRows.OpenPartition, TableKeys.Encode(patientId)) { ["PatientId"] = patientId, ["Due"] = due.ToUniversalTime() },
            TableUpdateMode.Replace, cancellationToken);

    public async Task DropAsync(OpenBalance row, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Lookups.DeleteEntityAsync(BillingRows.OpenPartition, TableKeys.Encode(row.PatientId), new ETag(row.ETag), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone already, or a balance reopened meanwhile and rewrote it: either way it is right as it is.
        }
    }
}
