using System.Text;
using System.Text.RegularExpressions;
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
    public async Task The_demo_patients_access_log_shows_who_really_wrote_the_profile_the_activation_and_the_conversation()
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
                ("messages.write", "dr-chen", "Dr. Mei Chen, MD", "Clinician"),
                ("messages.write", "patient-ana", "Ana Diaz", "self"),
                ("activation.redeem", "patient-ana", "Ana Diaz", "self"),
                ("profile.write", "frontdesk-lee", "Jordan Lee", "FrontDesk"),
                ("patient.register", "frontdesk-lee", "Jordan Lee", "FrontDesk"),
            ],
            events);
    }

    [Fact]
    public async Task Leos_father_sent_the_school_form_as_a_pdf_that_downloads_whole()
    {
        var portal = await TestPortal.GetAsync();
        await DemoSeed.SeedAsync(portal.Services, default);
        var api = await PortalApi.CreateAsync();
        var luis = await api.TokenAsync("caregiver-luis", name: "Luis Diaz");
        using var me = await api.GetAsync("api/me", luis);
        var leo = (await PortalApi.ReadJsonAsync(me))["patients"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Leo Diaz")!["patientId"]!.GetValue<string>();

        var threads = await Messaging.MessagingStoryTests.GetAsync(api, $"api/patients/{leo}/threads", luis);
        var threadId = threads["items"]!.AsArray().Single(t => t!["subject"]!.GetValue<string>() == "Sports physical for Leo")!["threadId"]!.GetValue<string>();
        var thread = await Messaging.MessagingStoryTests.GetAsync(api, $"api/patients/{leo}/threads/{threadId}", luis);
        var attachment = thread["messages"]![0]!["attachments"]!.AsArray().Single()!;
        var link = await Messaging.MessagingStoryTests.GetAsync(api, $"api/patients/{leo}/threads/{threadId}/attachments/{attachment["attachmentId"]!.GetValue<string>()}", luis);
        using var http = new HttpClient();
        var pdf = Encoding.ASCII.GetString(await http.GetByteArrayAsync(link["url"]!.GetValue<string>()));

        Assert.Equal("Sports physical form - Lincoln Middle School.pdf", attachment["fileName"]!.GetValue<string>());
        Assert.StartsWith("%PDF-1.4", pdf);
        // Every object is where the cross-reference table says, so viewers open it without repairing it.
        var startXref = int.Parse(Regex.Match(pdf, @"startxref\n(\d+)").Groups[1].Value);
        Assert.StartsWith("xref", pdf[startXref..]);
        var offsets = Regex.Matches(pdf[startXref..], @"(\d{10}) 00000 n").Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(5, offsets.Count);
        Assert.All(offsets.Select((offset, i) => (offset, i)), o => Assert.StartsWith($"{o.i + 1} 0 obj", pdf[o.offset..]));
    }
}
