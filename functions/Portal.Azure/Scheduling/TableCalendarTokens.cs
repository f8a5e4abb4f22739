using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Scheduling.Calendar;

namespace Portal.Azure.Scheduling;

/// <summary>
/// Calendar-feed tokens in <c>Schedule</c>: <c>calendar-token</c> (RowKey = the token's SHA-256, the patient) and
/// <c>calendar-token-of</c> (RowKey = the patient, their live token's hash), so a new token ends the old one.
/// </summary>
internal sealed class TableCalendarTokens(PortalTables tables) : ICalendarTokens
{
    private const string Tokens = "calendar-token";
    internal const string Pointers = "calendar-token-of";

    public async Task<string?> FindAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var row = await tables.Schedule.GetEntityIfExistsAsync<TableEntity>(Tokens, tokenHash, ["PatientId"], cancellationToken);
        return row.HasValue ? row.Value!.GetString("PatientId") : null;
    }

    public async Task ReplaceAsync(string patientId, string tokenHash, string createdBy, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var earlier = await PointerAsync(patientId, cancellationToken);
        await tables.Schedule.UpsertEntityAsync(new TableEntity(Tokens, tokenHash) { ["PatientId"] = patientId, ["CreatedBy"] = createdBy, ["CreatedAt"] = createdAt }, TableUpdateMode.Replace, cancellationToken);
        await tables.Schedule.UpsertEntityAsync(new TableEntity(Pointers, TableKeys.Encode(patientId)) { ["Hash"] = tokenHash }, TableUpdateMode.Replace, cancellationToken);
        if (earlier is not null && earlier != tokenHash)
        {
            await DeleteAsync(Tokens, earlier, cancellationToken);
        }
    }

    public async Task<bool> RevokeAsync(string patientId, CancellationToken cancellationToken)
    {
        var hash = await PointerAsync(patientId, cancellationToken);
        if (hash is null)
        {
            return false;
        }

        // The token first: a failure in between leaves a pointer to nothing, never a live token without one.
        await DeleteAsync(Tokens, hash, cancellationToken);
        await DeleteAsync(Pointers, TableKeys.Encode(patientId), cancellationToken);
        return true;
    }

    private async Task<string?> PointerAsync(string patientId, CancellationToken cancellationToken)
    {
        var row = await tables.Schedule.GetEntityIfExistsAsync<TableEntity>(Pointers, TableKeys.Encode(patientId), ["Hash"], cancellationToken);
        return row.HasValue ? row.Value!.GetString("Hash") : null;
    }

    private async Task DeleteAsync(string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Schedule.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (TableErrors.IsNotFound(e))
        {
            // Gone already.
        }
    }
}
