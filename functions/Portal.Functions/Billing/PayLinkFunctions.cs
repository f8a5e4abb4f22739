using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Billing;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Billing;

/// <summary>Paying a statement without signing in, with the token printed on it (and in its PDF).</summary>
public sealed class PayLinkFunctions(PortalHttp http, PayWithLink payWithLink)
{
    [Function("ViewPayLink")]
    [ApiOperation(
        "What a statement's pay link pays: the clinic, the statement date and the amount due (no sign-in).",
        Description = "Nothing else: no name, no lines. 404 for a token that is not a pay link, 410 once the statement is paid in full, replaced by a newer one, or the link is 30 days old. After 10 wrong tokens from one address in 15 minutes, 429. Every use of a genuine link is in the patient's access log.",
        Anonymous = true)]
    [ApiResponse(200, typeof(PayLinkView))]
    [ApiProblems(404, 410, 429)]
    public Task<IActionResult> View(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "pay/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        http.GuardedAsync(request, async () =>
            ApiResults.From(request, await payWithLink.ViewAsync(token, CallerClaims.ClientIp(request), cancellationToken),
                summary => ApiResults.Json(new PayLinkView(summary.ClinicName, summary.StatementDate, Amount.From(summary.AmountDue)))));

    [Function("CheckoutPayLink")]
    [ApiOperation(
        "Start paying a statement's amount due from its pay link (no sign-in).",
        Description = "The same hosted checkout as a signed-in payment, for the amount still due. The Idempotency-Key is passed to the provider. Refusals as for viewing the link.",
        Anonymous = true,
        IdempotencyKey = true,
        NoRequestBody = true)]
    [ApiResponse(201, typeof(CheckoutView), Description = "The checkout: send the payer to `checkoutUrl`.")]
    [ApiProblems(400, 404, 409, 410, 429)]
    public Task<IActionResult> Checkout(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "pay/{token}/checkout")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        http.GuardedAsync(request, async () =>
        {
            return ApiResults.From(request, await payWithLink.CheckoutAsync(token, CallerClaims.ClientIp(request), PortalHttp.IdempotencyKeyOf(request), cancellationToken),
                session => ApiResults.Json(CheckoutView.From(session), StatusCodes.Status201Created));
        });
}

/// <summary>All a pay link shows.</summary>
public sealed record PayLinkView(string ClinicName, DateOnly StatementDate, [property: Description("Still due on the statement.")] Amount AmountDue);
