using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Azure.Notifications;
using Portal.Core.Notifications;
using Portal.IntegrationTests.Api;

namespace Portal.IntegrationTests.Notifications;

/// <summary>In Development without Communication Services, notices land in the development outbox a developer can read.</summary>
public sealed class DevelopmentOutboxTests
{
    [Fact]
    public async Task A_notice_sent_twice_with_one_key_is_in_the_outbox_once_and_listed_newest_first()
    {
        var portal = await TestPortal.GetAsync();
        var sms = portal.Services.GetRequiredService<ISmsSender>();
        var email = portal.Services.GetRequiredService<IEmailSender>();
        Assert.IsType<DevelopmentOutbox>(sms);
        var key = $"outbox|{Guid.NewGuid():N}";
        var text = new SmsMessage("+13125550101", $"Riverside Family Clinic: you have a new message ({key}).", key, DateTimeOffset.UtcNow, "new-message");

        var first = await sms.SendAsync(text, default);
        var again = await sms.SendAsync(text, default);
        var mail = await email.SendAsync(new EmailMessage("ana@example.org", "A new message", $"You have a new message ({key}).", null, key), default);

        Assert.Equal(SendOutcome.Accepted, first.Outcome);
        Assert.Equal(first.ProviderMessageId, again.ProviderMessageId);
        Assert.NotEqual(first.ProviderMessageId, mail.ProviderMessageId);
        var api = await PortalApi.CreateAsync();
        using var response = await api.GetAsync("api/dev/outbox?limit=200", token: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await PortalApi.ReadJsonAsync(response))["items"]!.AsArray()
            .Where(i => i!["text"]!.GetValue<string>().Contains(key, StringComparison.Ordinal)).ToArray();
        Assert.Equal(["email", "sms"], items.Select(i => i!["channel"]!.GetValue<string>()));
        Assert.Equal("A new message", items[0]!["subject"]!.GetValue<string>());
        Assert.Equal("+13125550101", items[1]!["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_bad_limit_is_a_400_on_the_field()
    {
        var api = await PortalApi.CreateAsync();

        using var response = await api.GetAsync("api/dev/outbox?limit=0", token: null);

        await PortalApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "limit");
    }
}
