using Portal.Core.Billing;
using Stripe;
using Stripe.Checkout;

namespace Portal.Azure.Billing;

/// <summary>
/// Stripe Checkout for one amount: a hosted page in <c>payment</c> mode with one price-data line item; the patient's id
/// rides in the session's and the PaymentIntent's metadata, so the webhook knows whose ledger it is. The portal's
/// idempotency key is passed as Stripe's <c>Idempotency-Key</c>.
/// </summary>
internal sealed class StripePayments(StripeClient client) : IPaymentProvider
{
    public async Task<CheckoutSession> StartCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string> { ["patientId"] = request.PatientId };
        if (request.PayLinkId is not null)
        {
            metadata["payLinkId"] = request.PayLinkId;
        }

        var options = new SessionCreateOptions
        {
            Mode = "payment",
            ClientReferenceId = request.PatientId,
            SuccessUrl = request.SuccessUrl,
            CancelUrl = request.CancelUrl,
            Metadata = metadata,
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = request.Amount.Currency.ToLowerInvariant(),
                        UnitAmount = request.Amount.Minor,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.Description },
                    },
                },
            ],
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string>(metadata), Description = request.Description },
        };
        try
        {
            var session = await client.V1.Checkout.Sessions.CreateAsync(options, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken);
            return new CheckoutSession(session.Id, session.Url, new DateTimeOffset(DateTime.SpecifyKind(session.ExpiresAt, DateTimeKind.Utc)));
        }
        catch (StripeException e) when (e.StripeError?.Type is "idempotency_error" or "invalid_request_error")
        {
            throw new PaymentProviderException(e.StripeError.Type == "idempotency_error"
                ? "This Idempotency-Key was used for a different payment."
                : "The payment provider refused the checkout.", conflict: true);
        }
    }

    public async Task RefundAsync(string paymentReference, Money amount, string idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            await client.V1.Refunds.CreateAsync(
                new RefundCreateOptions { PaymentIntent = paymentReference, Amount = amount.Minor },
                new RequestOptions { IdempotencyKey = idempotencyKey },
                cancellationToken);
        }
        catch (StripeException e) when (e.StripeError?.Type is "idempotency_error" or "invalid_request_error")
        {
            throw new PaymentProviderException("The payment provider refused the refund (already refunded, or too much).", conflict: true);
        }
    }
}
