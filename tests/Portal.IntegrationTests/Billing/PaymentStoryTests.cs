using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Billing;

/// <summary>
/// Paying online end to end: the checkout (the development provider), the signed webhook through the real endpoint,
/// duplicates, order, refunds and overpayment.
/// </summary>
public class PaymentStoryTests
{
    private const string Webhook = "api/billing/webhooks/stripe";

    [Fact]
    public async Task A_patient_pays_part_of_the_balance_and_the_payment_posts_once_when_the_signed_webhook_arrives()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);
        await BillingCalls.PostEntryAsync(api, patientId, billing, BillingCalls.Charge("100.00"));

        var checkout = await StartAsync(api, patientId, patient, "40.00", "pay-key-1");
        Assert.Equal(HttpStatusCode.Created, checkout.Status);
        var retried = await StartAsync(api, patientId, patient, "40.00", "pay-key-1");
        Assert.Equal(checkout.Body["sessionId"]!.GetValue<string>(), retried.Body["sessionId"]!.GetValue<string>());
        Assert.Equal(10000L, await BalanceAsync(api, patientId, patient));

        // Nothing posts until the provider says it was paid; then once, however often it says so.
        var paid = await CompleteAsync(api, checkout.Body);
        var again = await CompleteAsync(api, checkout.Body);
        Assert.Equal(("posted", "duplicate"), (paid["result"]!.GetValue<string>(), again["result"]!.GetValue<string>()));
        Assert.Equal(paid["entryId"]!.GetValue<string>(), again["entryId"]!.GetValue<string>());
        Assert.Equal(6000L, await BalanceAsync(api, patientId, patient));
        var payments = (await BillingCalls.ActivityAsync(api, patientId, patient)).Where(e => e["kind"]!.GetValue<string>() == "patientPayment").ToList();
        Assert.Equal("Online card payment — thank you", Assert.Single(payments)["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Amounts_outside_the_minimum_and_the_balance_are_400_and_a_zero_balance_is_refused_before_checkout()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);

        Assert.Equal(HttpStatusCode.Conflict, (await StartAsync(api, patientId, patient, "10.00")).Status);
        await BillingCalls.PostEntryAsync(api, patientId, billing, BillingCalls.Charge("100.00"));
        foreach (var amount in new[] { "100.01", "4.99", "0", "-10", "10.001", "ten" })
        {
            var (status, problem) = await StartAsync(api, patientId, patient, amount);
            Assert.True(status == HttpStatusCode.BadRequest && problem["errors"]?["amount"] is not null, $"{amount}: {status} {problem.ToJsonString()}");
        }

        // A balance under the minimum may be paid in full.
        await BillingCalls.PostEntryAsync(api, patientId, billing, new { kind = "insurancePayment", amount = "97.00", reason = "ERA" });
        Assert.Equal(HttpStatusCode.Created, (await StartAsync(api, patientId, patient, "3.00")).Status);
    }

    [Fact]
    public async Task Paying_twice_for_the_whole_balance_leaves_a_credit_and_nothing_more_to_pay()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);
        await BillingCalls.PostEntryAsync(api, patientId, billing, BillingCalls.Charge("50.00"));

        // Two tabs, two checkouts for the whole balance, both paid.
        var first = await StartAsync(api, patientId, patient, "50.00", "tab-1");
        var second = await StartAsync(api, patientId, patient, "50.00", "tab-2");
        await CompleteAsync(api, first.Body);
        await CompleteAsync(api, second.Body);

        var bill = await BillingCalls.GetAsync(api, $"api/patients/{patientId}/billing", patient);
        Assert.Equal((-5000L, "-$50.00", 0L), (BillingCalls.Minor(bill["balance"]), bill["balance"]!["text"]!.GetValue<string>(), BillingCalls.Minor(bill["amountDue"])));
        Assert.Equal(HttpStatusCode.Conflict, (await StartAsync(api, patientId, patient, "5.00")).Status);
    }

    [Fact]
    public async Task A_bad_or_old_signature_is_400_and_stores_nothing()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);
        await BillingCalls.PostEntryAsync(api, patientId, billing, BillingCalls.Charge("100.00"));
        var body = StripeWebhookEvents.CheckoutCompleted("evt_" + Guid.NewGuid().ToString("N"), patientId, "pi_" + Guid.NewGuid().ToString("N"), 2500);

        string?[] signatures =
        [
            null,
            "t=1,v1=00",
            StripeWebhookEvents.Sign(body, "whsec_someone_else"),
            StripeWebhookEvents.Sign(body, at: DateTimeOffset.UtcNow.AddMinutes(-10)),
            StripeWebhookEvents.Sign(body + " ", at: DateTimeOffset.UtcNow),
        ];
        foreach (var signature in signatures)
        {
            var (status, problem) = await DeliverAsync(api, body, signature);
            Assert.True(status == HttpStatusCode.BadRequest && problem["errors"]?["Stripe-Signature"] is not null, $"{signature}: {status} {problem.ToJsonString()}");
        }

        // Signed right but on another API version: misreading it would be worse than refusing it.
        var otherVersion = StripeWebhookEvents.Event("evt_" + Guid.NewGuid().ToString("N"), "checkout.session.completed", new JsonObject(), "2020-08-27");
        Assert.Equal(HttpStatusCode.BadRequest, (await DeliverAsync(api, otherVersion, StripeWebhookEvents.Sign(otherVersion))).Status);

        Assert.Equal(10000L, await BalanceAsync(api, patientId, patient));
        Assert.Single(await BillingCalls.ActivityAsync(api, patientId, patient));
        Assert.Equal(HttpStatusCode.OK, (await DeliverAsync(api, body, StripeWebhookEvents.Sign(body))).Status);
        Assert.Equal(7500L, await BalanceAsync(api, patientId, patient));
    }

    [Fact]
    public async Task Refunds_post_what_the_running_total_adds_in_any_order_and_wait_for_their_payment()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);
        await BillingCalls.PostEntryAsync(api, patientId, billing, BillingCalls.Charge("100.00"));
        var paymentIntent = "pi_" + Guid.NewGuid().ToString("N");

        // The refund arrives before its payment: 409, so Stripe delivers it again later.
        var early = StripeWebhookEvents.ChargeRefunded("evt_r1_" + paymentIntent, paymentIntent, 6000, 1000);
        Assert.Equal(HttpStatusCode.Conflict, (await DeliverAsync(api, early, StripeWebhookEvents.Sign(early))).Status);

        var paid = StripeWebhookEvents.CheckoutCompleted("evt_p_" + paymentIntent, patientId, paymentIntent, 6000);
        await DeliverAsync(api, paid, StripeWebhookEvents.Sign(paid));
        // A second event for the same PaymentIntent (the async-success event, another id) posts nothing more.
        var alsoPaid = StripeWebhookEvents.CheckoutCompleted("evt_p2_" + paymentIntent, patientId, paymentIntent, 6000);
        Assert.Equal("duplicate", (await DeliverAsync(api, alsoPaid, StripeWebhookEvents.Sign(alsoPaid))).Body["result"]!.GetValue<string>());
        Assert.Equal(4000L, await BalanceAsync(api, patientId, patient));

        // The second refund (running total 25.00) overtakes the first (10.00).
        var later = StripeWebhookEvents.ChargeRefunded("evt_r2_" + paymentIntent, paymentIntent, 6000, 2500);
        Assert.Equal("posted", (await DeliverAsync(api, later, StripeWebhookEvents.Sign(later))).Body["result"]!.GetValue<string>());
        Assert.Equal("duplicate", (await DeliverAsync(api, early, StripeWebhookEvents.Sign(early))).Body["result"]!.GetValue<string>());
        Assert.Equal("duplicate", (await DeliverAsync(api, later, StripeWebhookEvents.Sign(later))).Body["result"]!.GetValue<string>());

        Assert.Equal(6500L, await BalanceAsync(api, patientId, patient));
        var refunds = (await BillingCalls.ActivityAsync(api, patientId, patient)).Where(e => e["kind"]!.GetValue<string>() == "refund").ToList();
        Assert.Equal(2500L, BillingCalls.Minor(Assert.Single(refunds)["amount"]));
    }

    [Fact]
    public async Task The_billing_office_refunds_a_card_payment_through_the_provider_and_the_event_posts_it()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, patient, _) = await api.NewActivatedPatientAsync();
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);
        await BillingCalls.PostEntryAsync(api, patientId, billing, BillingCalls.Charge("80.00"));
        var checkout = await StartAsync(api, patientId, patient, "80.00");
        var paymentEntry = (await CompleteAsync(api, checkout.Body))["entryId"]!.GetValue<string>();

        var refund = await BillingCalls.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/billing/refunds", billing, new { entryId = paymentEntry, amount = "30.00", reason = "Charge was billed to insurance instead" });
        var tooMuch = await BillingCalls.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/billing/refunds", billing, new { entryId = paymentEntry, amount = "50.01", reason = "More than is left" });
        var byPatient = await BillingCalls.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/billing/refunds", patient, new { entryId = paymentEntry, amount = "1.00", reason = "Mine" });

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden), (refund.Status, tooMuch.Status, byPatient.Status));
        Assert.Equal(3000L, await BalanceAsync(api, patientId, patient));
    }

    internal static Task<(HttpStatusCode Status, JsonObject Body)> StartAsync(PortalApi api, string patientId, string token, string amount, string? key = null) =>
        BillingCalls.SendAsync(api, HttpMethod.Post, $"api/patients/{patientId}/billing/payments", token, new { amount }, key);

    /// <summary>"Pays" a development checkout; returns what the webhook answered.</summary>
    internal static async Task<JsonObject> CompleteAsync(PortalApi api, JsonObject checkout)
    {
        var (status, body) = await BillingCalls.SendAsync(api, HttpMethod.Post, checkout["checkoutUrl"]!.GetValue<string>().TrimStart('/'), null);
        Assert.True(status == HttpStatusCode.OK && body["webhookStatus"]!.GetValue<int>() == 200, body.ToJsonString());
        return JsonNode.Parse(body["webhookAnswer"]!.GetValue<string>())!.AsObject();
    }

    internal static async Task<(HttpStatusCode Status, JsonObject Body)> DeliverAsync(PortalApi api, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Webhook) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        using var response = await api.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }

    internal static async Task<long> BalanceAsync(PortalApi api, string patientId, string token) =>
        BillingCalls.Minor((await BillingCalls.GetAsync(api, $"api/patients/{patientId}/billing", token))["balance"]);
}
