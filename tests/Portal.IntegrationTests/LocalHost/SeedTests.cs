using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.Api;
using Portal.IntegrationTests.Messaging;
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
                ("prescriptions.write", "patient-ana", "Ana Diaz", "self"),
                ("prescriptions.write", "patient-ana", "Ana Diaz", "self"),
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

    [Fact]
    public async Task Every_demo_patient_finds_every_section_of_their_record_filled_and_benjamin_his_discharge_letter()
    {
        var portal = await TestPortal.GetAsync();
        await DemoSeed.SeedAsync(portal.Services, default);
        var api = await PortalApi.CreateAsync();
        var ben = await api.TokenAsync("patient-ben", name: "Benjamin Okafor");
        var luis = await api.TokenAsync("caregiver-luis", name: "Luis Diaz");
        using var me = await api.GetAsync("api/me", ben);
        var benId = (await PortalApi.ReadJsonAsync(me))["patients"]![0]!["patientId"]!.GetValue<string>();
        using var luisMe = await api.GetAsync("api/me", luis);
        var leoId = (await PortalApi.ReadJsonAsync(luisMe))["patients"]![0]!["patientId"]!.GetValue<string>();

        foreach (var (patientId, token) in new[] { (benId, ben), (leoId, luis) })
        {
            using var summary = await api.GetAsync($"api/patients/{patientId}/record", token);
            var sections = (await PortalApi.ReadJsonAsync(summary))["sections"]!.AsArray();
            Assert.All(sections, s => Assert.True(s!["total"]!.GetValue<int>() > 0, $"{s["path"]} is empty"));
        }

        using var visits = await api.GetAsync($"api/patients/{benId}/record/visits", ben);
        Assert.Equal(2, (await PortalApi.ReadJsonAsync(visits))["items"]!.AsArray().Count);
        using var documents = await api.GetAsync($"api/patients/{benId}/record/documents", ben);
        var letter = (await PortalApi.ReadJsonAsync(documents))["items"]!.AsArray()
            .Select(d => d!["content"]!["document"]!).Single(d => d["title"]!.GetValue<string>() == "Hospital discharge letter");
        Assert.Equal(("discharge", "application/pdf"), (letter["kind"]!.GetValue<string>(), letter["contentType"]!.GetValue<string>()));
        var bytes = (await portal.Services.GetRequiredService<Portal.Core.Files.IFileStore>().ReadAsync(
            new Portal.Core.Files.FileLocation(Portal.Core.Record.Documents.DocumentFiles.Container, letter["blobName"]!.GetValue<string>()), default))!;
        Assert.Equal(letter["size"]!.GetValue<long>(), bytes.Length);
        Assert.StartsWith("%PDF-1.4", System.Text.Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
    }

    // In this class: the demo seed writes fixed subjects, so its tests must not run it at the same time.
    [Fact]
    public async Task Benjamin_downloads_his_discharge_letter_and_his_request_to_correct_it_waits_in_the_staff_queue()
    {
        var portal = await TestPortal.GetAsync();
        await DemoSeed.SeedAsync(portal.Services, default);
        var api = new PortalApi(portal.Client);
        var ben = await api.TokenAsync("patient-ben", name: "Benjamin Okafor");
        var patientId = (await MessagingStoryTests.GetAsync(api, "api/me", ben))["patients"]![0]!["patientId"]!.GetValue<string>();

        var request = (await MessagingStoryTests.GetAsync(api, $"api/patients/{patientId}/amendments", ben))["items"]!.AsArray().Single()!;
        Assert.Equal(("received", "documents", "Discharge letter – Lakeshore General Hospital"),
            (request["state"]!.GetValue<string>(), request["target"]!["section"]!.GetValue<string>(), request["target"]!["label"]!.GetValue<string>()));
        var documentId = request["target"]!["itemId"]!.GetValue<string>();
        var link = await MessagingStoryTests.GetAsync(api, $"api/patients/{patientId}/documents/{documentId}/content", ben);
        var (pdf, _) = await Record.RecordFixtures.DownloadAsync(link);
        Assert.Contains("Discharged: November 13, 2026", Record.ExportTests.PdfText(pdf));

        var admin = await api.TokenAsync("admin-ross", ["Admin"], name: "Taylor Ross");
        var queue = (await MessagingStoryTests.GetAsync(api, "api/amendments?pageSize=100", admin))["items"]!.AsArray();
        Assert.Contains(queue, q => q!["requestId"]!.GetValue<string>() == request["requestId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Benjamin_follows_his_refills_and_ana_sees_what_she_reported_awaiting_review()
    {
        var portal = await TestPortal.GetAsync();
        await DemoSeed.SeedAsync(portal.Services, default);
        var api = await PortalApi.CreateAsync();
        var ben = await api.TokenAsync("patient-ben", name: "Benjamin Okafor");
        var benId = await DemoPatientIdAsync(api, ben);

        var requests = (await Prescriptions.PrescriptionFixtures.SendAsync(api, HttpMethod.Get, $"api/patients/{benId}/refill-requests", ben)).Body["items"]!.AsArray();
        Assert.Equal(["requested", "approved"], requests.Select(r => r!["state"]!.GetValue<string>()));
        Assert.Equal("Walgreens #3127", requests[0]!["pharmacy"]!["name"]!.GetValue<string>());

        var medications = (await Prescriptions.PrescriptionFixtures.SendAsync(api, HttpMethod.Get, $"api/patients/{benId}/medications?status=all", ben)).Body["items"]!.AsArray()
            .ToDictionary(m => m!["name"]!.GetValue<string>().Split(' ')[0], m => m!["refill"]!);
        Assert.Equal("requestOpen", medications["Atorvastatin"]["reason"]!.GetValue<string>());
        Assert.True(medications["Amlodipine"]["canRequest"]!.GetValue<bool>());
        Assert.Equal("ended", medications["Lisinopril"]["reason"]!.GetValue<string>());

        var dr = await api.TokenAsync("dr-okonkwo", ["Clinician"], name: "Dr. Samuel Okonkwo, DO");
        var queue = (await Prescriptions.PrescriptionFixtures.SendAsync(api, HttpMethod.Get, "api/refill-queue?pageSize=100", dr)).Body["items"]!.AsArray();
        Assert.Contains(queue, q => q!["patientId"]!.GetValue<string>() == benId);

        var ana = await api.TokenAsync("patient-ana", name: "Ana Diaz");
        var anaId = await DemoPatientIdAsync(api, ana);
        var anas = (await Prescriptions.PrescriptionFixtures.SendAsync(api, HttpMethod.Get, $"api/patients/{anaId}/medications", ana)).Body["items"]!.AsArray();
        Assert.Contains(anas, m => m!["reported"]?["status"]?.GetValue<string>() == "Reported by you, not yet reviewed");
        var reconciliation = (await Prescriptions.PrescriptionFixtures.SendAsync(api, HttpMethod.Get, "api/reconciliation-queue?pageSize=100", dr)).Body["items"]!.AsArray();
        Assert.Equal(2, reconciliation.Count(r => r!["patientId"]!.GetValue<string>() == anaId));
    }

    private static async Task<string> DemoPatientIdAsync(PortalApi api, string token)
    {
        using var me = await api.GetAsync("api/me", token);
        return (await PortalApi.ReadJsonAsync(me))["patients"]![0]!["patientId"]!.GetValue<string>();
    }
}
