using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Notifications;

/// <summary>The notice pipeline end to end: a change, its notice in the same write, the queue, the dispatcher, the outbox.</summary>
public sealed class SecurityNoticeTests
{
    [Fact]
    public async Task A_new_phone_number_is_followed_by_a_security_text_the_patient_can_see_was_sent()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, _) = await api.NewActivatedPatientAsync();
        using var read = await api.GetAsync($"api/patients/{patientId}/profile", token);
        var newPhone = $"+1312555{Random.Shared.Next(1000, 9999)}";

        using var change = await api.SendAsync(HttpMethod.Patch, $"api/patients/{patientId}/profile", token,
            $$"""{"phone":"{{newPhone}}","smsConsent":true}""", read.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);

        // The queue function delivers it within moments; the patient's list shows it sent by SMS.
        JsonNode? notice = null;
        for (var attempt = 0; attempt < 100 && notice?["state"]?.GetValue<string>() != "sent"; attempt++)
        {
            await Task.Delay(100);
            using var list = await api.GetAsync($"api/patients/{patientId}/notifications", token);
            notice = (await PortalApi.ReadJsonAsync(list))["items"]!.AsArray().SingleOrDefault();
        }

        Assert.Equal(("securityNotice", "sent", "sms", "/profile"), (
            notice!["kind"]!.GetValue<string>(), notice["state"]!.GetValue<string>(), notice["channel"]!.GetValue<string>(), notice["link"]!.GetValue<string>()));
        using var outbox = await api.GetAsync("api/dev/outbox?limit=200", token: null);
        var sent = (await PortalApi.ReadJsonAsync(outbox))["items"]!.AsArray().Single(m => m!["to"]!.GetValue<string>() == newPhone)!;
        Assert.Contains("Your portal account changed. If this was not you, call the clinic.", sent["text"]!.GetValue<string>());

        // The carrier's delivery report comes back through the Event Grid webhook and marks the notice delivered.
        var report = JsonSerializer.Serialize(new[]
        {
            new
            {
                id = Guid.NewGuid().ToString(),
                topic = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/acs",
                subject = $"/phonenumber/{newPhone.TrimStart('+')}",
                eventType = "Microsoft.Communication.SMSDeliveryReportReceived",
                data = new
                {
                    messageId = sent["messageId"]!.GetValue<string>(),
                    from = "18005550100",
                    to = newPhone,
                    deliveryStatus = "Delivered",
                    deliveryStatusDetails = "No error.",
                    receivedTimestamp = DateTimeOffset.UtcNow,
                    deliveryAttempts = new[] { new { timestamp = DateTimeOffset.UtcNow, segmentsSucceeded = 1, segmentsFailed = 0 } },
                    Tag = "SecurityNotice",
                },
                eventTime = DateTimeOffset.UtcNow,
                dataVersion = "1.0",
                metadataVersion = "1",
            },
        });
        using var webhook = new HttpRequestMessage(HttpMethod.Post, $"api/events/communication?secret={TestPortal.EventsSecret}")
        {
            Content = new StringContent(report, Encoding.UTF8, "application/json"),
        };
        webhook.Headers.Add("aeg-event-type", "Notification");
        using var accepted = await api.SendAsync(webhook);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        using var after = await api.GetAsync($"api/patients/{patientId}/notifications", token);
        var delivered = (await PortalApi.ReadJsonAsync(after))["items"]!.AsArray().Single()!;
        Assert.Equal("delivered", delivered["state"]!.GetValue<string>());
        Assert.NotNull(delivered["deliveredAt"]?.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Another_persons_notices_are_404_and_bad_paging_is_400()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, token, _) = await api.NewActivatedPatientAsync();
        var stranger = await api.TokenAsync(PortalApi.UniqueSubject("stranger"));

        using var strangers = await api.GetAsync($"api/patients/{patientId}/notifications", stranger);
        using var badPage = await api.GetAsync($"api/patients/{patientId}/notifications?pageSize=0", token);

        await PortalApi.AssertProblemAsync(strangers, HttpStatusCode.NotFound);
        await PortalApi.AssertProblemAsync(badPage, HttpStatusCode.BadRequest, "pageSize");
    }
}
