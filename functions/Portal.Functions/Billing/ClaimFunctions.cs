using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Billing;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Billing;

/// <summary>Insurance claims per visit: entered or imported by the billing office, explained to the patient.</summary>
public sealed class ClaimFunctions(PortalHttp http, InsuranceClaims claims)
{
    [Function("ListClaims")]
    [ApiOperation("The patient's insurance claims, newest visit first, each with a plain-language explanation of benefits.", Description = "Readers as for the bill.")]
    [ApiResponse(200, typeof(ClaimList))]
    [ApiProblems(403, 404)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/billing/claims")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await claims.ListAsync(caller, patientId, cancellationToken), all => ApiResults.Json(new ClaimList([.. all.Select(ClaimView.From)]))));

    [Function("SaveClaim")]
    [ApiOperation(
        "Enter or update a visit's insurance claim (Billing staff).",
        Description = "Creates the claim, or changes it with `If-Match` (its ETag; 428 without, 412 when it changed). Status submitted, inReview, paid, denied (with `denialReason`) or patientResponsibility; amounts as text in major units. Posting the insurer's payment to the ledger is a separate `insurancePayment` entry.",
        IfMatch = true)]
    [ApiRequest(typeof(ClaimUpdate))]
    [ApiResponse(200, typeof(ClaimView), ETag = true)]
    [ApiProblems(400, 403, 404, 412, 428)]
    public Task<IActionResult> Save(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "patients/{patientId}/billing/claims/{claimId}")] HttpRequest request,
        string patientId,
        string claimId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<ClaimUpdate>(request, cancellationToken, async (caller, body) =>
        {
            var ifMatch = request.Headers.IfMatch.ToString();
            return ApiResults.Versioned(request, await claims.SaveAsync(caller, patientId, claimId, body, ifMatch is "" ? null : ifMatch, cancellationToken), ClaimView.From);
        });

    [Function("ImportClaims")]
    [ApiOperation(
        "Import a batch of claims from the clearinghouse's JSON (Billing staff).",
        Description = "A JSON array of up to 100 `{patientId, claimId, claim}`; each overwrites the stored claim and answers on its own (saved, invalid with field errors, notFound). Each patient's access log records it.")]
    [ApiRequest(typeof(ImportedClaim[]))]
    [ApiResponse(200, typeof(ImportResults))]
    [ApiProblems(400, 403)]
    public Task<IActionResult> Import(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "billing/claims/import")] HttpRequest request,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<ImportedClaim[]>(request, cancellationToken, async (caller, body) =>
            ApiResults.From(request, await claims.ImportAsync(caller, body, cancellationToken), results => ApiResults.Json(new ImportResults(results))));
}

/// <summary>A claim and its explanation of benefits.</summary>
public sealed record ClaimView(
    string ClaimId, string VisitId, DateOnly ServiceDate, string Payer, ClaimStatus Status, Amount Submitted, string? DenialReason,
    [property: Description("The insurer's agreed price.")] Amount? Allowed, Amount? Paid,
    [property: Description("Taken off by the clinic under its contract.")] Amount? Adjusted,
    [property: Description("Left for the patient.")] Amount? PatientResponsibility,
    [property: Description("The explanation of benefits in plain words.")] string Explanation,
    DateTimeOffset UpdatedAt)
{
    internal static ClaimView From(ExplainedClaim explained)
    {
        var c = explained.Claim;
        return new(c.ClaimId, c.VisitId, c.ServiceDate, c.Payer, c.Status, Amount.From(c.Submitted), c.DenialReason, Opt(c.Allowed), Opt(c.Paid), Opt(c.Adjusted),
            Opt(c.PatientResponsibility), explained.Explanation, c.UpdatedAt);
    }

    private static Amount? Opt(Money? money) => money is { } m ? Amount.From(m) : null;
}

/// <summary>The patient's claims.</summary>
public sealed record ClaimList(IReadOnlyList<ClaimView> Items);

/// <summary>What became of each imported claim, in order.</summary>
public sealed record ImportResults(IReadOnlyList<ImportResult> Items);
