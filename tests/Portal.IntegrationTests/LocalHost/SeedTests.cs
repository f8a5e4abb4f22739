using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Api;
using Portal.IntegrationTests.LocalHost.TestFunctions;
using Portal.LocalHost.DemoData;

namespace Portal.IntegrationTests.LocalHost;

public sealed class SeedTests
{
    [Fact]
    public async Task Runs_the_seeder_once_with_the_app_services_and_keeps_its_text()
    {
        var portal = await TestFunctionsPortal.GetAsync();

        Assert.Equal("Seeded the test functions.", portal.SeedOutput);
        Assert.Equal(["ran"], portal.Services.GetRequiredService<InvocationLog>().Get("Seed"));
    }

    [Fact]
    public async Task The_demo_patients_access_log_shows_who_really_wrote_the_profile_the_activation_the_conversation_and_the_bill()
    {
        var portal = await TestPortal.GetAsync();
        await DemoSeed.SeedAsync(portal.Services, default);
        var api = await PortalApi.CreateAsync();
        var ana = await api.TokenAsync("patient-ana", name: "Ana Diaz");

        using var me = await api.GetAsync("api/me", ana);
        var patientId = (await PortalApi.ReadJsonAsync(me))["patients"]![0]!["patientId"]!.GetValue<string>();
        using var log = await api.GetAsync($"api/patients/{patientId}/access-log", ana);

        var events = (await PortalApi.ReadJsonAsync(log))["items"]!.AsArray()
            .Select(e => (e!["action"]!.GetValue<string>(), e["actor"]!["subject"]!.GetValue<string>(), e["actor"]!["name"]!.GetValue<string>(), e["actingAs"]!.GetValue<string>()))
            .Where(e => !e.Item1.EndsWith(".read", StringComparison.Ordinal)) // who wrote; reads by other tests come and go
            .ToList();
        Assert.Equal(
            [
                ("billing.write", "billing-kim", "Grace Kim", "Billing"),
                ("billing.write", "billing-kim", "Grace Kim", "Billing"),
                ("billing.write", "billing-kim", "Grace Kim", "Billing"),
                ("billing.write", "billing-kim", "Grace Kim", "Billing"),
                ("billing.write", "billing-kim", "Grace Kim", "Billing"),
                ("messages.write", "dr-chen", "Dr. Mei Chen, MD", "Clinician"),
                ("messages.write", "patient-ana", "Ana Diaz", "self"),
                ("activation.redeem", "patient-ana", "Ana Diaz", "self"),
                ("profile.write", "frontdesk-lee", "Jordan Lee", "FrontDesk"),
                ("patient.register", "frontdesk-lee", "Jordan Lee", "FrontDesk"),
            ],
            events);
    }

    [Fact]
    public async Task The_demo_bills_have_a_statement_owed_one_paid_in_full_one_on_a_plan_and_a_pdf()
    {
        var portal = await TestPortal.GetAsync();
        await DemoSeed.SeedAsync(portal.Services, default);
        var api = await PortalApi.CreateAsync();

        async Task<(string PatientId, string Token, System.Text.Json.Nodes.JsonObject Bill)> BillOf(string subject)
        {
            var token = await api.TokenAsync(subject);
            using var me = await api.GetAsync("api/me", token);
            var patientId = (await PortalApi.ReadJsonAsync(me))["patients"]![0]!["patientId"]!.GetValue<string>();
            return (patientId, token, await Billing.BillingCalls.GetAsync(api, $"api/patients/{patientId}/billing", token));
        }

        var ana = await BillOf("patient-ana");
        Assert.Equal((6000L, 6000L), (Billing.BillingCalls.Minor(ana.Bill["balance"]), Billing.BillingCalls.Minor(ana.Bill["amountDue"])));
        var statementId = ana.Bill["lastStatement"]!["statementId"]!.GetValue<string>();
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await Billing.StatementStoryTests.PdfAsync(api, ana.PatientId, statementId, ana.Token), 0, 4));

        var ben = await BillOf("patient-ben");
        Assert.Equal((0L, 0L), (Billing.BillingCalls.Minor(ben.Bill["balance"]), Billing.BillingCalls.Minor(ben.Bill["amountDue"])));
        Assert.NotNull(ben.Bill["lastStatement"]);

        var claims = (await Billing.BillingCalls.GetAsync(api, $"api/patients/{ana.PatientId}/billing/claims", ana.Token))["items"]!.AsArray();
        Assert.Equal("paid", Assert.Single(claims)!["status"]!.GetValue<string>());

        var chloe = await BillOf("patient-chloe");
        Assert.Equal([6334L, 6333L, 6333L], chloe.Bill["plan"]!["instalments"]!.AsArray().Select(i => Billing.BillingCalls.Minor(i!["amount"])));
    }
}
