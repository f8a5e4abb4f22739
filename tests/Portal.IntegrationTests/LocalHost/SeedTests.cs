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
    public async Task The_demo_patients_access_log_shows_who_really_wrote_the_profile_the_activation_the_conversation_and_the_booking()
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
            .ToList();
        Assert.Equal(
            [
                ("appointments.write", "patient-ana", "Ana Diaz", "self"),
                ("messages.write", "dr-chen", "Dr. Mei Chen, MD", "Clinician"),
                ("messages.write", "patient-ana", "Ana Diaz", "self"),
                ("activation.redeem", "patient-ana", "Ana Diaz", "self"),
                ("profile.write", "frontdesk-lee", "Jordan Lee", "FrontDesk"),
                ("patient.register", "frontdesk-lee", "Jordan Lee", "FrontDesk"),
            ],
            events);

        // Ana's schedule: last month's completed visit, and the follow-up she booked with Dr. Chen.
        using var upcoming = await api.GetAsync($"api/patients/{patientId}/appointments", ana);
        using var past = await api.GetAsync($"api/patients/{patientId}/appointments?when=past", ana);
        var booked = Assert.Single((await PortalApi.ReadJsonAsync(upcoming))["items"]!.AsArray())!;
        Assert.Equal(("booked", "Follow-up visit", "Dr. Mei Chen, MD"), (booked["status"]!.GetValue<string>(), booked["visitType"]!.GetValue<string>(), booked["provider"]!.GetValue<string>()));
        Assert.Equal("completed", Assert.Single((await PortalApi.ReadJsonAsync(past))["items"]!.AsArray())!["status"]!.GetValue<string>());
    }
}
