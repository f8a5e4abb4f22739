using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.IntegrationTests.Labs;
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
    public async Task The_demo_patients_access_log_shows_who_really_wrote_the_profile_the_activation_the_conversation_and_the_results()
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
                .. Enumerable.Repeat(("results.write", "lab-acme", "Acme Reference Lab", "Lab.Push"), 7),
                ("messages.write", "dr-chen", "Dr. Mei Chen, MD", "Clinician"),
                ("messages.write", "patient-ana", "Ana Diaz", "self"),
                ("activation.redeem", "patient-ana", "Ana Diaz", "self"),
                ("profile.write", "frontdesk-lee", "Jordan Lee", "FrontDesk"),
                ("patient.register", "frontdesk-lee", "Jordan Lee", "FrontDesk"),
            ],
            events);
    }

    // In this class: seeding the shared portal from two classes at once would race on the demo patients.
    [Fact]
    public async Task The_demo_has_results_with_a_trend_a_held_biopsy_and_one_unmatched_message_and_reseeding_changes_nothing()
    {
        var portal = await TestPortal.GetAsync();
        await DemoSeed.SeedAsync(portal.Services, default);
        await DemoSeed.SeedAsync(portal.Services, default);
        var links = portal.Services.GetRequiredService<IPatientLinks>();
        var ana = (await links.ListAsync("patient-ana", default)).Single(l => l.Kind == LinkKind.Self).PatientId;
        var chloe = (await links.ListAsync("patient-chloe", default)).Single(l => l.Kind == LinkKind.Self).PatientId;

        var anas = await Stored.ResultsAsync(portal, ana);
        Assert.Equal(7, anas.Count);
        Assert.All(anas, r => Assert.Equal("released", r["release"]!.GetValue<string>()));
        Assert.Equal(5, anas.Count(r => r["testCode"]!.GetValue<string>() == "4548-4"));

        var api = await PortalApi.CreateAsync();
        var drChen = await api.TokenAsync("dr-chen", ["Clinician"], name: "Dr. Mei Chen, MD");
        using var chloesList = await api.GetAsync($"api/patients/{chloe}/results", drChen);
        var biopsy = (await PortalApi.ReadJsonAsync(chloesList))["items"]!.AsArray().Single()!;
        Assert.Equal(("Pathology report", "heldByPatientChoice"), (biopsy["testName"]!.GetValue<string>(), biopsy["release"]!.GetValue<string>()));
        Assert.Equal("Gomez", (await LabIngestionTests.UnmatchedAsync(api, drChen, "Gomez"))["patient"]!["familyName"]!.GetValue<string>());
    }
}
