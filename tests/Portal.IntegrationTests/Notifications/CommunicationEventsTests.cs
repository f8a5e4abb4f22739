using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Notifications;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Notifications;

/// <summary>The Event Grid webhook over real HTTP and Azurite, and the development inbound text.</summary>
public sealed class CommunicationEventsTests
{
    private const string Path = $"api/events/communication?secret={TestPortal.EventsSecret}";

    private static string UniqueNumber() => $"+1312{Random.Shared.Next(0, 10_000_000):D7}";

    internal static string SmsReceived(string eventId, string from, string message, DateTimeOffset at, DateTimeOffset? eventTime = null) => JsonSerializer.Serialize(new[]
    {
        new
        {
            id = eventId,
            topic = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Communication/communicationServices/acs",
            subject = "/phonenumber/18005550100",
            eventType = "Microsoft.Communication.SMSReceived",
            data = new { messageId = $"Incoming_{eventId}", from = from.TrimStart('+'), to = "+18005550100", message, receivedTimestamp = at, segmentCount = 1 },
            eventTime = eventTime ?? at,
            dataVersion = "1.0",
            metadataVersion = "1",
        },
    });

    private static Task<HttpResponseMessage> PostAsync(PortalApi api, string path, string body, string eventType = "Notification")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("aeg-event-type", eventType);
        return api.SendAsync(request);
    }

    [Fact]
    public async Task The_subscription_handshake_is_answered_with_the_secret_and_refused_without()
    {
        var api = await PortalApi.CreateAsync();
        const string body = """
            [{"id":"2d1781af-3a4c-4d7c-bd0c-e34b19da4e66","topic":"/subscriptions/s","subject":"","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6","validationUrl":"https://rp-eastus2.eventgrid.azure.net/x"},"eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-12-01T12:00:00Z","metadataVersion":"1","dataVersion":"2"}]
            """;

        using var answered = await PostAsync(api, Path, body, "SubscriptionValidation");
        using var noSecret = await PostAsync(api, "api/events/communication", body, "SubscriptionValidation");
        using var wrongSecret = await PostAsync(api, "api/events/communication?secret=nope", body, "SubscriptionValidation");

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal("""{"validationResponse":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6"}""", await answered.Content.ReadAsStringAsync());
        await PortalApi.AssertProblemAsync(noSecret, HttpStatusCode.Unauthorized);
        await PortalApi.AssertProblemAsync(wrongSecret, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Stop_opts_the_number_out_start_opts_it_back_in_and_a_redelivery_changes_nothing()
    {
        var portal = await TestPortal.GetAsync();
        var api = new PortalApi(portal.Client);
        var optOuts = portal.Services.GetRequiredService<ISmsOptOuts>();
        var number = UniqueNumber();
        var at = DateTimeOffset.UtcNow;
        var (stopId, startId) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());

        using var stop = await PostAsync(api, Path, SmsReceived(stopId, number, "Stop", at));
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal(1, (await PortalApi.ReadJsonAsync(stop))["handled"]!.GetValue<int>());
        Assert.True(await optOuts.IsOptedOutAsync(number, default));

        using var start = await PostAsync(api, Path, SmsReceived(startId, number, "START", at.AddSeconds(5)));
        Assert.False(await optOuts.IsOptedOutAsync(number, default));

        // The STOP delivered again (Event Grid retries): one effect, still 200.
        using var again = await PostAsync(api, Path, SmsReceived(stopId, number, "Stop", at.AddSeconds(10), eventTime: at));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, (await PortalApi.ReadJsonAsync(again))["duplicates"]!.GetValue<int>());
        Assert.False(await optOuts.IsOptedOutAsync(number, default));

        // A STOP received before the START but delivered after it does not override it.
        using var late = await PostAsync(api, Path, SmsReceived(Guid.NewGuid().ToString(), number, "stop", at.AddSeconds(1)));
        Assert.False(await optOuts.IsOptedOutAsync(number, default));
    }

    [Fact]
    public async Task Help_texted_in_development_is_answered_into_the_outbox()
    {
        var api = await PortalApi.CreateAsync();
        var number = UniqueNumber();

        using var response = await api.SendAsync(HttpMethod.Post, "api/dev/sms/inbound", null, JsonSerializer.Serialize(new { from = number.TrimStart('+'), message = " help " }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await PortalApi.ReadJsonAsync(response);
        Assert.Equal("helpSent", result["outcome"]!.GetValue<string>());
        Assert.Equal(number, result["from"]!.GetValue<string>());

        using var outbox = await api.GetAsync("api/dev/outbox?limit=200", token: null);
        var reply = Assert.Single((await PortalApi.ReadJsonAsync(outbox))["items"]!.AsArray(), i => i!["to"]!.GetValue<string>() == number)!;
        Assert.Equal("reply", reply["tag"]!.GetValue<string>());
        Assert.Contains("Reply STOP to opt out.", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(TestPortal.FrontEndOrigin, reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ayuda_and_alto_are_answered_in_spanish_and_alto_stops_the_texts()
    {
        var portal = await TestPortal.GetAsync();
        var api = new PortalApi(portal.Client);
        var number = UniqueNumber();

        using var help = await api.SendAsync(HttpMethod.Post, "api/dev/sms/inbound", null, JsonSerializer.Serialize(new { from = number, message = "Ayuda" }));
        using var stop = await api.SendAsync(HttpMethod.Post, "api/dev/sms/inbound", null, JsonSerializer.Serialize(new { from = number, message = "ALTO" }));

        Assert.Equal("optedOut", (await PortalApi.ReadJsonAsync(stop))["outcome"]!.GetValue<string>());
        Assert.True(await portal.Services.GetRequiredService<ISmsOptOuts>().IsOptedOutAsync(number, default));
        using var outbox = await api.GetAsync("api/dev/outbox?limit=200", token: null);
        var answers = (await PortalApi.ReadJsonAsync(outbox))["items"]!.AsArray().Where(i => i!["to"]!.GetValue<string>() == number).Select(i => i!["text"]!.GetValue<string>()).ToList();
        Assert.Equal(2, answers.Count);
        Assert.Contains(answers, a => a.Contains("mensajes sobre su cuenta del portal del paciente", StringComparison.Ordinal));
        Assert.Contains(answers, a => a.Contains("ya no recibirá mensajes de texto nuestros", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("{}", "body")]
    [InlineData("""[{"id":"x","eventType":"Microsoft.Communication.SMSReceived","data":{"messageId":"m","from":"12","message":"hi","receivedTimestamp":"2026-12-01T12:00:00Z"}}]""", "[0].data.from")]
    public async Task Bad_bodies_are_400_problems(string body, string field)
    {
        var api = await PortalApi.CreateAsync();

        using var response = await PostAsync(api, Path, body);

        await PortalApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task A_bad_development_text_is_a_400_on_the_field()
    {
        var api = await PortalApi.CreateAsync();

        using var response = await api.SendAsync(HttpMethod.Post, "api/dev/sms/inbound", null, """{"from":"12","message":"hi"}""");

        await PortalApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "from");
    }
}
