using System.Text.Json.Nodes;
using Stripe;

namespace Portal.IntegrationTests.Billing;

/// <summary>Stripe events as Stripe sends them, signed with Stripe.net's own header generator.</summary>
internal static class StripeWebhookEvents
{
    public static string CheckoutCompleted(string eventId, string patientId, string paymentIntent, long amountMinor, string paymentStatus = "paid") => Event(eventId, "checkout.session.completed", new JsonObject
    {
        ["id"] = "cs_test_" + Guid.NewGuid().ToString("N"),
        ["object"] = "checkout.session",
        ["amount_total"] = amountMinor,
        ["currency"] = "usd",
        ["client_reference_id"] = patientId,
        ["metadata"] = new JsonObject { ["patientId"] = patientId },
        ["mode"] = "payment",
        ["payment_intent"] = paymentIntent,
        ["payment_status"] = paymentStatus,
        ["status"] = "complete",
    });

    public static string ChargeRefunded(string eventId, string paymentIntent, long amountMinor, long refundedMinor) => Event(eventId, "charge.refunded", new JsonObject
    {
        ["id"] = "ch_" + paymentIntent,
        ["object"] = "charge",
        ["amount"] = amountMinor,
        ["amount_refunded"] = refundedMinor,
        ["currency"] = "usd",
        ["payment_intent"] = paymentIntent,
        ["refunded"] = refundedMinor == amountMinor,
        ["status"] = "succeeded",
    });

    public static string Event(string eventId, string type, JsonObject data, string? apiVersion = null) => new JsonObject
    {
        ["id"] = eventId,
        ["object"] = "event",
        ["api_version"] = apiVersion ?? StripeConfiguration.ApiVersion,
        ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["type"] = type,
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["data"] = new JsonObject { ["object"] = data },
    }.ToJsonString();

    public static string Sign(string body, string secret = TestPortal.StripeWebhookSecret, DateTimeOffset? at = null) =>
        EventUtility.GenerateSignatureHeader(body, secret, (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds());
}
