using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Portal.Azure.Notifications;
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

    public async Task IssueAsync(StatementIssue issue, CancellationToken cancellationToken)
    {
        var statement = issue.Statement;

        // The PDF first, under a name no other attempt uses, never overwritten; then the indexes; then the chart.
        await blobs.GetBlobContainerClient(Container).GetBlobClient(statement.PdfPath).UploadAsync(
            new BinaryData(issue.Pdf),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf" }, Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
            cancellationToken);
        await tables.Lookups.UpsertEntityAsync(NoticeRows.Pending(issue.Notice), TableUpdateMode.Replace, cancellationToken);
        if (issue.PayLink is { } link)
        {
            await tables.Lookups.UpsertEntityAsync(PayLinkRows.Index(link), TableUpdateMode.Replace, cancellationToken);
        }

        List<TableTransactionAction> actions =
        [
            new(TableTransactionActionType.Add, BillingRows.Document(statement.PatientId, BillingRows.Statement(statement.StatementId), statement)),
            new(TableTransactionActionType.UpdateReplace, BillingRows.Document(statement.PatientId, BillingRows.AccountRow, issue.Account), new ETag(issue.AccountETag)),
            new(TableTransactionActionType.Add, NoticeRows.Chart(issue.Notice)),
        ];
        if (issue.PayLink is { } chartLink)
        {
            actions.Add(new(TableTransactionActionType.Add, PayLinkRows.Chart(chartLink)));
        }

        await TableErrors.ConditionallyAsync(() => tables.Charts.SubmitTransactionAsync(actions, cancellationToken), "The statement");
    }
}
