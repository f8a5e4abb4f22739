using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Azure.Tables;
using Portal.Core.Billing;
using Portal.Core.Common;
using Stripe;

namespace Portal.Azure.Billing;

/// <summary>
/// Development only: a payment provider that needs no Stripe account. A checkout is remembered in <c>Lookups</c>
/// (partition <c>dev-checkout</c>); completing it (<c>POST /api/dev/payments/{sessionId}/complete</c>) and refunding
/// send Stripe-shaped events, signed with the webhook secret as Stripe signs them, over HTTP to the portal's own
/// <c>POST /api/billing/webhooks/stripe</c>: the very path a real payment takes, signature check included.
/// </summary>
public sealed class DevelopmentPayments : IPaymentProvider
{
    private const string Partition = "dev-checkout";
    private static readonly HttpClient Http = new();
    private readonly PortalTables tables;
    private readonly PaymentsOptions options;
    private readonly IServiceProvider services;
    private readonly IConfiguration configuration;
    private readonly TimeProvider clock;

    internal DevelopmentPayments(PortalTables tables, PaymentsOptions options, IServiceProvider services, IConfiguration configuration, TimeProvider clock)
    {
        this.tables = tables;
        this.options = options;
        this.services = services;
        this.configuration = configuration;
        this.clock = clock;
    }

    /// <summary>The checkout URL's form; a front end posts to it to "pay".</summary>
    public static string CompletePath(string sessionId) => $"/api/dev/payments/{sessionId}/complete";

    public async Task<CheckoutSession> StartCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        // The same idempotency key gives the same session, as Stripe does.
        var sessionId = "cs_dev_" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(request.IdempotencyKey)))[..24];
        var existing = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(Partition, sessionId, cancellationToken: cancellationToken);
        var expires = clock.GetUtcNow().AddHours(24);
        if (existing.HasValue)
        {
            var earlier = JsonSerializer.Deserialize<CheckoutRequest>(existing.Value!.GetString("Request"), PortalJson.Options)!;
            if (earlier.Amount != request.Amount || earlier.PatientId != request.PatientId)
            {
                throw new PaymentProviderException("This Idempotency-Key was used for a different payment.", conflict: true);
            }

            expires = existing.Value.GetDateTimeOffset("ExpiresAt") ?? expires;
        }
        else
        {
            await tables.Lookups.UpsertEntityAsync(
                new TableEntity(Partition, sessionId)
                {
                    ["Request"] = JsonSerializer.Serialize(request, PortalJson.Options),
                    ["ExpiresAt"] = expires,
                    ["RefundedMinor"] = 0L,
                },
                TableUpdateMode.Replace, cancellationToken);
        }

        return new CheckoutSession(sessionId, CompletePath(sessionId), expires);
    }

    /// <summary>"Pays" the checkout: sends <c>checkout.session.completed</c> (the same event id every time, as a redelivery would be).</summary>
    public async Task<(int Status, string Body)> CompleteAsync(string sessionId, CancellationToken cancellationToken)
    {
        var session = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Encode(sessionId), cancellationToken: cancellationToken);
        if (!session.HasValue)
        {
            return (404, "");
        }

        var request = JsonSerializer.Deserialize<CheckoutRequest>(session.Value!.GetString("Request"), PortalJson.Options)!;
        var metadata = new JsonObject { ["patientId"] = request.PatientId };
        if (request.PayLinkId is not null)
        {
            metadata["payLinkId"] = request.PayLinkId;
        }

        var checkout = new JsonObject
        {
            ["id"] = sessionId,
            ["object"] = "checkout.session",
            ["amount_total"] = request.Amount.Minor,
            ["currency"] = request.Amount.Currency.ToLowerInvariant(),
            ["client_reference_id"] = request.PatientId,
            ["metadata"] = metadata,
            ["mode"] = "payment",
            ["payment_intent"] = PaymentIntentOf(sessionId),
            ["payment_status"] = "paid",
            ["status"] = "complete",
        };
        return await SendAsync($"evt_{sessionId}_completed", EventTypes.CheckoutSessionCompleted, checkout, cancellationToken);
    }

    public async Task RefundAsync(string paymentReference, Money amount, string idempotencyKey, CancellationToken cancellationToken)
    {
        var sessionId = "cs_dev_" + paymentReference["pi_dev_".Length..];
        var session = await tables.Lookups.GetEntityIfExistsAsync<TableEntity>(Partition, sessionId, cancellationToken: cancellationToken);
        if (!session.HasValue)
        {
            throw new PaymentProviderException("The development provider has no such payment.", conflict: true);
        }

        var paid = JsonSerializer.Deserialize<CheckoutRequest>(session.Value!.GetString("Request"), PortalJson.Options)!.Amount;
        var refunded = (session.Value.GetInt64("RefundedMinor") ?? 0) + amount.Minor;
        if (refunded > paid.Minor)
        {
            throw new PaymentProviderException("The payment provider refused the refund (already refunded, or too much).", conflict: true);
        }

        session.Value["RefundedMinor"] = refunded;
        await tables.Lookups.UpdateEntityAsync(session.Value, session.Value.ETag, TableUpdateMode.Replace, cancellationToken);
        var charge = new JsonObject
        {
            ["id"] = "ch_dev_" + paymentReference["pi_dev_".Length..],
            ["object"] = "charge",
            ["amount"] = paid.Minor,
            ["amount_refunded"] = refunded,
            ["currency"] = paid.Currency.ToLowerInvariant(),
            ["payment_intent"] = paymentReference,
            ["refunded"] = refunded == paid.Minor,
            ["status"] = "succeeded",
        };
        var (status, _) = await SendAsync($"evt_{paymentReference}_refunded_{refunded}", EventTypes.ChargeRefunded, charge, cancellationToken);
        if (status >= 400)
        {
            throw new InvalidOperationException($"The portal's webhook answered {status} to the development refund event.");
        }
    }

    private static string PaymentIntentOf(string sessionId) => "pi_dev_" + sessionId["cs_dev_".Length..];

    /// <summary>Signs the event as Stripe does (<c>t=…,v1=HMAC-SHA256("{t}.{body}")</c>) and posts it to the portal's own webhook.</summary>
    private async Task<(int Status, string Body)> SendAsync(string eventId, string type, JsonObject data, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var body = new JsonObject
        {
            ["id"] = eventId,
            ["object"] = "event",
            ["api_version"] = StripeConfiguration.ApiVersion,
            ["created"] = now.ToUnixTimeSeconds(),
            ["type"] = type,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["data"] = new JsonObject { ["object"] = data },
        }.ToJsonString();
        var secret = options.AcceptedSecrets().First();
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUri()) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Stripe-Signature", EventUtility.GenerateSignatureHeader(body, secret, now.ToUnixTimeSeconds()));
        using var response = await Http.SendAsync(request, cancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    // The portal's own address: the local host's server, plus the host.json route prefix.
    private Uri WebhookUri()
    {
        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The development payment provider needs the local host's address.");
        var prefix = (configuration["AzureFunctionsJobHost:extensions:http:routePrefix"] ?? "api").Trim('/');
        return new Uri(new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/"),
            (prefix.Length > 0 ? prefix + "/" : "") + "billing/webhooks/stripe");
    }
}
