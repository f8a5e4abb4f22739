using Portal.Core.Billing;
using Portal.Core.Common;
using Stripe;
using Stripe.Checkout;

namespace Portal.Azure.Billing;

/// <summary>
/// Reads Stripe webhook deliveries with Stripe.net's <see cref="EventUtility.ConstructEvent(string, string, string, long, long, bool)"/>:
/// the <c>Stripe-Signature</c> HMAC over <c>{t}.{body}</c> with the endpoint secret (or the previous one during a
/// rotation), the timestamp within the tolerance of the portal's clock, and the event's API version on the SDK's
/// release train (an endpoint on another version would be misread, so it is refused).
/// </summary>
internal sealed class StripeEvents(PaymentsOptions options) : IPaymentEvents
{
    public Result<PaymentEvent> Read(string body, string? signature, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return Failure.Invalid("Stripe-Signature", "The Stripe-Signature header is required.");
        }

        Event? stripeEvent = null;
        foreach (var secret in options.AcceptedSecrets())
        {
            try
            {
                stripeEvent = EventUtility.ConstructEvent(body, signature, secret, options.ToleranceSeconds, now.ToUnixTimeSeconds(), throwOnApiVersionMismatch: true);
                break;
            }
            catch (StripeException e) when (e.Message.Contains("API version", StringComparison.OrdinalIgnoreCase))
            {
                return Failure.Invalid("body", $"The event's API version is not {StripeConfiguration.ApiVersion}; set the webhook endpoint's API version to it.");
            }
            catch (StripeException)
            {
            }
            catch (System.Text.Json.JsonException)
            {
                return Failure.Invalid("body", "The body is not a Stripe event.");
            }
            catch (Newtonsoft.Json.JsonException)
            {
                return Failure.Invalid("body", "The body is not a Stripe event.");
            }
        }

        return stripeEvent is null
            ? Failure.Invalid("Stripe-Signature", "The signature does not match, or the delivery is too old.")
            : Map(stripeEvent);
    }

    private static Result<PaymentEvent> Map(Event stripeEvent)
    {
        switch (stripeEvent.Type, stripeEvent.Data?.Object)
        {
            case (EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded, Session session):
                if (session.PaymentStatus != "paid")
                {
                    return new PaymentEventIgnored(stripeEvent.Id, stripeEvent.Type, "Not paid yet (a delayed payment method).");
                }

                var patientId = session.Metadata?.GetValueOrDefault("patientId") ?? session.ClientReferenceId;
                if (string.IsNullOrEmpty(patientId) || string.IsNullOrEmpty(session.PaymentIntentId) || session.AmountTotal is not > 0 || session.Currency is null)
                {
                    return new PaymentEventIgnored(stripeEvent.Id, stripeEvent.Type, "Not a portal checkout.");
                }

                var currency = session.Currency.ToUpperInvariant();
                return Currencies.IsKnown(currency)
                    ? new PaymentSucceeded(stripeEvent.Id, stripeEvent.Type, patientId, session.PaymentIntentId, new Money(session.AmountTotal.Value, currency), session.Metadata?.GetValueOrDefault("payLinkId"))
                    : new PaymentEventIgnored(stripeEvent.Id, stripeEvent.Type, "A currency the ledger does not keep.");

            case (EventTypes.ChargeRefunded, Charge charge) when !string.IsNullOrEmpty(charge.PaymentIntentId) && Currencies.IsKnown(charge.Currency?.ToUpperInvariant()):
                return new PaymentRefunded(stripeEvent.Id, stripeEvent.Type, charge.PaymentIntentId, new Money(charge.AmountRefunded, charge.Currency!.ToUpperInvariant()));

            default:
                return new PaymentEventIgnored(stripeEvent.Id, stripeEvent.Type, "Not an event the portal acts on.");
        }
    }
}
