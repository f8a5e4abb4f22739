using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Billing;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Billing;

/// <summary>Monthly statements: the list, one statement with its lines, its PDF; and the timer that closes them.</summary>
public sealed class StatementFunctions(PortalHttp http, ReadStatements read, CloseStatements close)
{
    [Function("ListStatements")]
    [ApiOperation("The patient's statements, newest first.", Description = "Readers as for the bill. Statements are immutable once issued.")]
    [ApiResponse(200, typeof(StatementList))]
    [ApiProblems(403, 404)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/billing/statements")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await read.ListAsync(caller, patientId, cancellationToken),
                all => ApiResults.Json(new StatementList([.. all.Select(StatementSummary.From)]))));

    [Function("GetStatement")]
    [ApiOperation("One statement: its totals and the ledger entries it covers, oldest first.")]
    [ApiResponse(200, typeof(StatementDetail))]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/billing/statements/{statementId}")] HttpRequest request,
        string patientId,
        string statementId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await read.GetAsync(caller, patientId, statementId, cancellationToken),
                found => ApiResults.Json(StatementDetail.From(found.Statement, found.Lines))));

    [Function("GetStatementPdf")]
    [ApiOperation("Download a statement as a PDF.")]
    [ApiResponse(200, typeof(byte[]), ContentType = "application/pdf", Description = "The statement as issued.")]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Pdf(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/billing/statements/{statementId}/pdf")] HttpRequest request,
        string patientId,
        string statementId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await read.PdfAsync(caller, patientId, statementId, cancellationToken),
                pdf => new FileContentResult(pdf, "application/pdf") { FileDownloadName = $"statement-{statementId}.pdf" }));

    /// <summary>Every hour; the use case closes only patients whose statement is due (the clinic's day and hour, in its zone).</summary>
    [Function("CloseStatements")]
    public Task Close([TimerTrigger("0 5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        close.ExecuteAsync(cancellationToken);
}

/// <summary>A patient's statements, newest first.</summary>
public sealed record StatementList(IReadOnlyList<StatementSummary> Items);

/// <summary>One statement with the entries it covers.</summary>
public sealed record StatementDetail(
    StatementSummary Statement,
    DateTimeOffset IssuedAt,
    [property: Description("The balance the previous statement left.")] Amount PreviousBalance,
    [property: Description("New charges (and refunds) in the period.")] Amount Charges,
    [property: Description("Payments, adjustments and write-offs in the period.")] Amount Credits,
    [property: Description("The entries it covers, oldest first.")] IReadOnlyList<LedgerEntryView> Lines)
{
    internal static StatementDetail From(Statement s, IReadOnlyList<LedgerEntry> lines) => new(
        StatementSummary.From(s), s.IssuedAt, Amount.From(s.PreviousBalance), Amount.From(s.Charges), Amount.From(s.Credits), [.. lines.Select(LedgerEntryView.From)]);
}
