using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Billing;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Billing;

/// <summary>Online card payments through the provider's hosted checkout, its signed webhook, and card refunds.</summary>
public sealed class PaymentFunctions(PortalHttp http, StartPayment startPayment, ReceivePaymentEvent receive, RefundCardPayment refund)
{
    /// <summary>The header Stripe signs deliveries with.</summary>
    public const string SignatureHeader = "Stripe-Signature";

    [Function("StartPayment")]
    [ApiOperation(
        "Start paying part or all of the balance: a hosted checkout to send the patient to.",
        Description = "For the patient and caregivers with `billing.write`; staff 403. The amount (text in major units, e.g. `\"40.00\"`) must lie between the clinic's minimum (or the whole balance when smaller) and the balance; a zero or credit balance is 409 before any checkout. The card is taken on the provider's page; the payment appears in the ledger when the provider's signed webhook confirms it. The Idempotency-Key is passed to the provider: a retry gets the same checkout.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(PaymentRequest))]
    [ApiResponse(201, typeof(CheckoutView), Description = "The checkout: send the patient to `checkoutUrl`.")]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/billing/payments")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<PaymentRequest>(request, cancellationToken, async (caller, body) =>
        {
            return ApiResults.From(request, await startPayment.ExecuteAsync(caller, patientId, body.Amount, PortalHttp.IdempotencyKeyOf(request), cancellationToken),
                session => ApiResults.Json(CheckoutView.From(session), StatusCodes.Status201Created));
        });

    [Function("ReceiveStripeEvent")]
    [ApiOperation(
        "Stripe webhook deliveries (checkout paid, charge refunded).",
        Description = "Authenticated by the `Stripe-Signature` header: HMAC-SHA256 with the endpoint's signing secret over `{t}.{body}`, and `t` within 5 minutes of the portal's clock; a bad, missing or old signature is 400 and nothing is stored. The event's API version must be the SDK's. `checkout.session.completed` / `checkout.session.async_payment_succeeded` with `payment_status: paid` post a patient payment, once per PaymentIntent; `charge.refunded` posts what the charge's running `amount_refunded` adds. Duplicates and out-of-order deliveries post nothing twice (200, `duplicate`); a refund whose payment has not arrived yet is 409, so Stripe delivers it again later. Other events are 200 `ignored`.",
        Anonymous = true)]
    [ApiRequest(typeof(StripeEventBody))]
    [ApiResponse(200, typeof(PaymentWebhookAnswer), Description = "What the event did.")]
    [ApiProblems(400, 409)]
    public Task<IActionResult> Webhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "billing/webhooks/stripe")] HttpRequest request,
        CancellationToken cancellationToken) =>
        http.GuardedAsync(request, async () =>
        {
            var body = await http.ReadBodyAsync(request, cancellationToken);
            if (!body.Succeeded)
            {
                return ApiResults.Problem(request, body.Failure);
            }

            var outcome = await receive.ExecuteAsync(body.Value, request.Headers[SignatureHeader].ToString(), cancellationToken);
            return ApiResults.From(request, outcome, o => ApiResults.Json(new PaymentWebhookAnswer(
                o.EventId, o.Type, o.Result, o.Sequence?.ToString(CultureInfo.InvariantCulture))));
        });

    [Function("RefundCardPayment")]
    [ApiOperation(
        "Refund part or all of a card payment through the provider (Billing staff).",
        Description = "Names the card payment's ledger entry; at most what is left of it. Nothing is posted here: the refund entry posts when the provider's `charge.refunded` event arrives. Other payments (cash, check) are refunded with a `refund` ledger entry.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(CardRefundRequest))]
    [ApiResponse(202, typeof(RefundView), Description = "The provider accepted the refund; the ledger entry follows with its event.")]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Refund(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/billing/refunds")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<CardRefundRequest>(request, cancellationToken, async (caller, body) =>
        {
            return ApiResults.From(request, await refund.ExecuteAsync(caller, patientId, body, PortalHttp.IdempotencyKeyOf(request), cancellationToken),
                requested => ApiResults.Json(new RefundView(requested.PaymentSequence.ToString(CultureInfo.InvariantCulture), Amount.From(requested.Amount)), StatusCodes.Status202Accepted));
        });
}

/// <summary>How much to pay.</summary>
/// <param name="Amount">In major units as text, e.g. <c>"40.00"</c>.</param>
public sealed record PaymentRequest([property: Description("In major units as text, e.g. \"40.00\"; never a JSON number.")] string? Amount);

/// <summary>A hosted checkout.</summary>
public sealed record CheckoutView(string SessionId, [property: Description("Where the patient pays (the provider's page).")] string CheckoutUrl, DateTimeOffset ExpiresAt)
{
    internal static CheckoutView From(CheckoutSession session) => new(session.SessionId, session.Url, session.ExpiresAt);
}

/// <summary>What a webhook delivery did.</summary>
public sealed record PaymentWebhookAnswer(string EventId, string Type, PaymentEventResult Result, [property: Description("The ledger entry posted (or posted before).")] string? EntryId);

/// <summary>A card refund the provider accepted.</summary>
public sealed record RefundView(string PaymentEntryId, Amount Amount);

/// <summary>A Stripe event as delivered to the webhook (only the fields the portal reads are described).</summary>
public sealed record StripeEventBody(string Id, string Type, [property: Description("The event's object under `object`.")] System.Text.Json.Nodes.JsonObject Data);
