using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Core.Audit;
using Portal.Core.Billing;
using Portal.Core.Clinic;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Billing;

/// <summary>Paying a statement without signing in: what the link shows, when it dies, brute force, and the audit trail.</summary>
public class PayLinkTests
{
    [Fact]
    public async Task The_link_shows_only_clinic_date_and_amount_pays_through_the_same_checkout_and_is_dead_once_paid()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, link) = await StatementWithLinkAsync(api, "85.00");
        var address = UniqueAddress();

        var shown = await SendAsync(api, HttpMethod.Get, $"api/pay/{token}", address);
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Equal(["amountDue", "clinicName", "statementDate"], shown.Body.Select(p => p.Key).Order());
        Assert.Equal(8500L, BillingCalls.Minor(shown.Body["amountDue"]));
        Assert.DoesNotContain("Patient", shown.Body.ToJsonString());

        var checkout = await SendAsync(api, HttpMethod.Post, $"api/pay/{token}/checkout", address, "link-key-1");
        Assert.Equal(HttpStatusCode.Created, checkout.Status);
        Assert.Equal(checkout.Body["sessionId"]!.GetValue<string>(), (await SendAsync(api, HttpMethod.Post, $"api/pay/{token}/checkout", address, "link-key-1")).Body["sessionId"]!.GetValue<string>());
        await PaymentStoryTests.CompleteAsync(api, checkout.Body);

        Assert.Equal(HttpStatusCode.Gone, (await SendAsync(api, HttpMethod.Get, $"api/pay/{token}", address)).Status);
        Assert.Equal(HttpStatusCode.Gone, (await SendAsync(api, HttpMethod.Post, $"api/pay/{token}/checkout", address)).Status);

        // Every use is in the patient's access log, as the link, with the address it came from.
        var admin = await api.TokenAsync(PortalApi.UniqueSubject("admin"), ["Admin"]);
        var log = (await BillingCalls.GetAsync(api, $"api/patients/{patientId}/access-log?pageSize=100", admin))["items"]!.AsArray();
        var uses = log.Where(e => e!["actor"]!["subject"]!.GetValue<string>() == $"paylink:{link.LinkId}").ToList();
        Assert.Equal(5, uses.Count);
        Assert.Contains(uses, u => u!["action"]!.GetValue<string>() == "billing.write" && u["outcome"]!.GetValue<string>() == "success");
        Assert.Contains(uses, u => u!["outcome"]!.GetValue<string>() == "failed");
    }

    [Fact]
    public async Task An_expired_link_is_gone_and_a_tampered_or_made_up_token_is_not_found()
    {
        var api = await PortalApi.CreateAsync();
        var (_, token, link) = await StatementWithLinkAsync(api, "20.00");
        var services = (await TestPortal.GetAsync()).Services;

        var later = await (await AtAsync(link.ExpiresAt.AddSeconds(1))).ViewAsync(token, UniqueAddress(), default);
        Assert.Equal(Portal.Core.Common.FailureKind.Gone, later.Failure?.Kind);
        Assert.True((await (await AtAsync(link.ExpiresAt.AddSeconds(-1))).ViewAsync(token, UniqueAddress(), default)).Succeeded);

        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        var forged = services.GetRequiredService<PayLinkTokens>().TokenOf(link with { LinkId = PayLinkTokens.NewLinkId() });
        foreach (var wrong in new[] { tampered, forged, "not-a-token", new string('A', 54) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(api, HttpMethod.Get, $"api/pay/{wrong}", UniqueAddress())).Status);
        }
    }

    [Fact]
    public async Task Ten_wrong_tokens_from_one_address_lock_it_out_for_a_while_even_with_a_good_token()
    {
        var api = await PortalApi.CreateAsync();
        var (_, token, _) = await StatementWithLinkAsync(api, "20.00");
        var address = UniqueAddress();

        for (var i = 0; i < PayWithLink.MaxFailures; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(api, HttpMethod.Get, $"api/pay/guess{i}{new string('x', 40)}", address)).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(api, HttpMethod.Get, $"api/pay/{token}", address)).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(api, HttpMethod.Post, $"api/pay/{token}/checkout", address)).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(api, HttpMethod.Get, $"api/pay/{token}", UniqueAddress())).Status);
    }

    /// <summary>A patient with an issued statement for <paramref name="amount"/>; its pay-link token, as printed on the PDF.</summary>
    internal static async Task<(string PatientId, string Token, PayLink Link)> StatementWithLinkAsync(PortalApi api, string amount)
    {
        var (patientId, _, _) = await api.NewActivatedPatientAsync();
        var billing = await api.TokenAsync(PortalApi.UniqueSubject("billing"), ["Billing"]);
        await BillingCalls.PostEntryAsync(api, patientId, billing, BillingCalls.Charge(amount));
        Assert.Equal(1, await StatementRun.CloseAsync(StatementRun.NextMonth, patientId));
        var services = (await TestPortal.GetAsync()).Services;
        var statement = Assert.Single(await services.GetRequiredService<IStatements>().ListAsync(patientId, default));
        var link = (await services.GetRequiredService<IPayLinks>().FindAsync(statement.PayLinkId!, default))!;
        return (patientId, services.GetRequiredService<PayLinkTokens>().TokenOf(link), link);
    }

    private static string UniqueAddress() => $"203.0.113.{Random.Shared.Next(1, 255)}, 10.{Random.Shared.Next(0, 255)}.{Random.Shared.Next(0, 255)}.{Random.Shared.Next(1, 255)}";

    private static async Task<(HttpStatusCode Status, JsonObject Body)> SendAsync(PortalApi api, HttpMethod method, string path, string address, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", address);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text)!.AsObject() : []);
    }

    private static async Task<PayWithLink> AtAsync(DateTimeOffset now)
    {
        var services = (await TestPortal.GetAsync()).Services;
        return new PayWithLink(
            services.GetRequiredService<PayLinkTokens>(), services.GetRequiredService<IPayLinks>(), services.GetRequiredService<ILedger>(),
            services.GetRequiredService<IStatements>(), services.GetRequiredService<StartPayment>(), services.GetRequiredService<IAuditLog>(),
            services.GetRequiredService<IOptions<BillingOptions>>(), services.GetRequiredService<IOptions<ClinicOptions>>(), new FixedTime(now), NullLogger<PayWithLink>.Instance);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
