using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Billing;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Billing;

/// <summary>A patient's bill: the balance and activity, and the billing office's ledger entries.</summary>
[Description("Bills: the ledger and balance, statements, online payments and pay-without-login links.")]
public sealed class LedgerFunctions(PortalHttp http, GetBilling getBilling, ListBillingActivity listActivity, PostLedgerEntry postEntry)
{
    [Function("GetBilling")]
    [ApiOperation("The bill at a glance: balance, the newest statement and its due date, activity since it.",
        Description = "For the patient, caregivers with `billing.read` (or `billing.write`), Billing and Admin staff. Clinicians and the front desk do not read bills (403). Amounts are exact minor units with the currency and a text to show.")]
    [ApiResponse(200, typeof(BillingView))]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/billing")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await getBilling.ExecuteAsync(caller, patientId, cancellationToken), summary => ApiResults.Json(BillingView.From(summary))));

    [Function("ListBillingActivity")]
    [ApiOperation("Every ledger entry, newest first: charges, insurance payments, adjustments, payments, refunds, write-offs and reversals.")]
    [ApiQuery("pageSize", typeof(int), "1 to 100 (default 25).")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page.")]
    [ApiResponse(200, typeof(ActivityPage))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> Activity(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/billing/activity")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.PagedAsync(request, async (caller, asked) =>
            ApiResults.From(
                request,
                await listActivity.ExecuteAsync(caller, patientId, asked.PageSize, asked.ContinuationToken, cancellationToken),
                page => ApiResults.Json(new ActivityPage([.. page.Items.Select(LedgerEntryView.From)], page.ContinuationToken))));

    [Function("PostLedgerEntry")]
    [ApiOperation(
        "Post a ledger entry (Billing staff).",
        Description = "A charge (date of service, CPT/HCPCS code, plain-language description), an insurance payment, an adjustment, a cash or check payment, a refund not made by card, a write-off, or a reversal of an earlier entry (`reverses`, no amount). Entries are never edited or deleted. `reason` is required and kept with the entry. Amounts are text in major units (`\"125.00\"`); more decimals than the currency has, zero or a sign are 400. Card payments post when the provider confirms them; card refunds go through the provider. An entry is reversed once: a second reversal is 409.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(NewLedgerEntry))]
    [ApiResponse(201, typeof(LedgerEntryView), Description = "Posted (or, for a retry with the same Idempotency-Key, the entry posted the first time).")]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Post(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/billing/entries")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<NewLedgerEntry>(request, cancellationToken, async (caller, body) =>
        {
            return ApiResults.From(request, await postEntry.ExecuteAsync(caller, patientId, body, PortalHttp.IdempotencyKeyOf(request), cancellationToken),
                entry => ApiResults.Json(LedgerEntryView.From(entry), StatusCodes.Status201Created));
        });
}
