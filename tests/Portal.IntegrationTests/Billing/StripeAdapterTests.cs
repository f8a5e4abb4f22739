using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Azure.Billing;
using Portal.Core.Billing;
using Stripe;

namespace Portal.IntegrationTests.Billing;

/// <summary>
/// The Stripe adapter as Stripe sees it: Stripe.net pointed (<c>StripeClient(apiBase:)</c>) at a loopback HTTP server
/// that records each request and answers as Stripe would, so the form fields, headers and error handling are real.
/// </summary>
public sealed class StripeAdapterTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private WebApplication? server;
    private string answer = "";
    private int status = 200;

    private sealed record RecordedRequest(string Method, string Path, string? IdempotencyKey, string? Authorization, Dictionary<string, string> Form);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        server = builder.Build();
        server.Run(async context =>
        {
            var form = await context.Request.ReadFormAsync();
            requests.Enqueue(new RecordedRequest(
                context.Request.Method, context.Request.Path, context.Request.Headers["Idempotency-Key"].FirstOrDefault(),
                context.Request.Headers.Authorization.FirstOrDefault(), form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer);
        });
        await server.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    private StripePayments Payments() =>
        new(new StripeClient("sk_test_portal", apiBase: server!.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));

    [Fact]
    public async Task A_checkout_is_one_price_data_line_in_payment_mode_with_the_patient_in_the_metadata_and_our_idempotency_key()
    {
        answer = """{"id":"cs_test_a1","object":"checkout.session","url":"https://checkout.stripe.com/c/pay/cs_test_a1","expires_at":1767225600,"mode":"payment","payment_status":"unpaid","status":"open"}""";

        var session = await Payments().StartCheckoutAsync(
            new CheckoutRequest("patient-42", new Money(4050, "USD"), "Payment to Riverside Family Clinic", "https://portal.test/billing?payment=done", "https://portal.test/billing?payment=cancelled", "checkout-abc", "link-9"),
            CancellationToken.None);

        Assert.Equal(("cs_test_a1", "https://checkout.stripe.com/c/pay/cs_test_a1"), (session.SessionId, session.Url));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225600), session.ExpiresAt);
        var request = Assert.Single(requests);
        Assert.Equal(("POST", "/v1/checkout/sessions", "checkout-abc", "Bearer sk_test_portal"), (request.Method, request.Path, request.IdempotencyKey, request.Authorization));
        Assert.Equal("payment", request.Form["mode"]);
        Assert.Equal("patient-42", request.Form["client_reference_id"]);
        Assert.Equal("patient-42", request.Form["metadata[patientId]"]);
        Assert.Equal("link-9", request.Form["metadata[payLinkId]"]);
        Assert.Equal("patient-42", request.Form["payment_intent_data[metadata][patientId]"]);
        Assert.Equal("1", request.Form["line_items[0][quantity]"]);
        Assert.Equal("usd", request.Form["line_items[0][price_data][currency]"]);
        Assert.Equal("4050", request.Form["line_items[0][price_data][unit_amount]"]);
        Assert.Equal("Payment to Riverside Family Clinic", request.Form["line_items[0][price_data][product_data][name]"]);
        Assert.Equal("https://portal.test/billing?payment=done", request.Form["success_url"]);
        Assert.DoesNotContain(request.Form.Keys, k => k.Contains("card", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_refund_names_the_payment_intent_and_amount_with_our_idempotency_key()
    {
        answer = """{"id":"re_1","object":"refund","amount":1500,"currency":"usd","payment_intent":"pi_77","status":"succeeded"}""";

        await Payments().RefundAsync("pi_77", new Money(1500, "USD"), "refund-key-1", CancellationToken.None);

        var request = Assert.Single(requests);
        Assert.Equal(("/v1/refunds", "refund-key-1", "pi_77", "1500"), (request.Path, request.IdempotencyKey, request.Form["payment_intent"], request.Form["amount"]));
    }

    [Fact]
    public async Task Stripe_refusing_a_reused_idempotency_key_is_a_conflict_not_a_crash()
    {
        status = 400;
        answer = """{"error":{"type":"idempotency_error","message":"Keys for idempotent requests can only be used with the same parameters they were first used with."}}""";

        var refused = await Assert.ThrowsAsync<PaymentProviderException>(() => Payments().StartCheckoutAsync(
            new CheckoutRequest("patient-42", new Money(100, "USD"), "Payment", "https://p/s", "https://p/c", "checkout-abc"), CancellationToken.None));

        Assert.True(refused.IsConflict);
        Assert.Equal("This Idempotency-Key was used for a different payment.", refused.Message);
    }
}
