using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Billing;

namespace Portal.Azure.Billing;

/// <summary>Insurance claims in the patient's chart partition: <c>claim|{claimId}</c>, the claim as JSON.</summary>
internal sealed class TableClaims(PortalTables tables) : IClaims
{
    private const string Prefix = "claim|";

    public async Task<(InsuranceClaim Claim, string ETag)?> FindAsync(string patientId, string claimId, CancellationToken cancellationToken)
    {
        var row = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), Prefix + TableKeys.Encode(claimId), ["Data"], cancellationToken);
        return row.HasValue ? (BillingRows.Read<InsuranceClaim>(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<IReadOnlyList<InsuranceClaim>> ListAsync(string patientId, CancellationToken cancellationToken)
    {
        var claims = new List<InsuranceClaim>();
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(BillingRows.Range(patientId, Prefix), select: ["Data"], cancellationToken: cancellationToken))
        {
            claims.Add(BillingRows.Read<InsuranceClaim>(entity));
        }

        return claims;
    }

    public async Task<string> SaveAsync(InsuranceClaim claim, string? eTag, CancellationToken cancellationToken)
    {
        var entity = BillingRows.Document(claim.PatientId, Prefix + TableKeys.Encode(claim.ClaimId), claim);
        var response = await TableErrors.ConditionallyAsync(
            () => eTag switch
            {
                null => tables.Charts.AddEntityAsync(entity, cancellationToken),
                "*" => tables.Charts.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken),
                _ => tables.Charts.UpdateEntityAsync(entity, new ETag(eTag), TableUpdateMode.Replace, cancellationToken),
            },
            "The claim");
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
    }
}
