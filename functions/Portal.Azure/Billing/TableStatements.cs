using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Portal.Azure.Tables;
using Portal.Core.Billing;

namespace Portal.Azure.Billing;

/// <summary>Issued statements: <c>statement|{cycle}</c> rows in the chart, their PDFs in the <c>statements</c> container.</summary>
internal sealed class TableStatements(PortalTables tables, BlobServiceClient blobs) : IStatements
{
    /// <summary>The container of statement PDFs (<c>{patient}/{statement}.pdf</c>).</summary>
    public const string Container = "statements";

    public async Task<Statement?> FindAsync(string patientId, string statementId, CancellationToken cancellationToken)
    {
        var row = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), BillingRows.Statement(statementId), ["Data"], cancellationToken);
        return row.HasValue ? BillingRows.Read<Statement>(row.Value!) : null;
    }

    public async Task<IReadOnlyList<Statement>> ListAsync(string patientId, CancellationToken cancellationToken)
    {
        var statements = new List<Statement>();
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(BillingRows.Range(patientId, BillingRows.StatementPrefix), select: ["Data"], cancellationToken: cancellationToken))
        {
            statements.Add(BillingRows.Read<Statement>(entity));
        }

        return [.. statements.OrderByDescending(s => s.IssuedAt)];
    }

    public async Task<byte[]?> ReadPdfAsync(Statement statement, CancellationToken cancellationToken)
    {
        try
        {
            var content = await blobs.GetBlobContainerClient(Container).GetBlobClient(statement.PdfPath).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>The blob name of a statement's PDF.</summary>
    public static string PdfPath(string patientId, string statementId) => $"{TableKeys.Encode(patientId)}/{statementId}.pdf";
}
