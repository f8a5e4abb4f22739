using Microsoft.Extensions.Logging.Abstractions;
using Portal.Azure.Notifications;
using Portal.Core.Notifications;

namespace Portal.IntegrationTests.Notifications;

/// <summary>The SMS and e-mail adapters over real HTTP against a stand-in of the Communication Services API.</summary>
public sealed class CommunicationServicesTests
{
    private static (AcsSmsSender Sms, AcsEmailSender Email) Senders(FakeCommunicationServices fake)
    {
        var options = new CommunicationOptions
        {
            ConnectionString = fake.ConnectionString,
            SmsFromNumber = "+18005550100",
            EmailSenderAddress = "DoNotReply@clinic.example",
        };
        var clientOptions = new AcsClientOptions();
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var client = new AcsClient(options, TimeProvider.System, NullLogger<AcsClient>.Instance, clientOptions);
        return (new AcsSmsSender(client, options), new AcsEmailSender(client, options));
    }

    private static SmsMessage Text(string to, string key) =>
        new(to, "Our Clinic: you have a new message. Sign in at https://portal.example to read it.", key, new DateTimeOffset(2026, 12, 1, 21, 0, 0, TimeSpan.Zero), "new-message");

    [Fact]
    public async Task A_throttled_sms_is_retried_with_the_same_repeatability_id_and_sent_once()
    {
        await using var fake = await FakeCommunicationServices.StartAsync();
        var (sms, _) = Senders(fake);
        fake.ThrottleNext = 1;

        var result = await sms.SendAsync(Text("+13125550101", "outbox|p1|n1"), default);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var attempts = fake.Requests.ToArray();
        Assert.Equal(2, attempts.Length);
        Assert.Equal(DeliveryIds.From("outbox|p1|n1").ToString(), attempts[0].RepeatabilityId);
        Assert.Equal(attempts[0].RepeatabilityId, attempts[1].RepeatabilityId);
        Assert.Equal($"sms-{attempts[0].RepeatabilityId}", result.ProviderMessageId);
        var body = attempts[1].Body;
        Assert.Equal("+18005550100", body["from"]!.GetValue<string>());
        Assert.Equal("Tue, 01 Dec 2026 21:00:00 GMT", body["smsRecipients"]![0]!["repeatabilityFirstSent"]!.GetValue<string>());
        Assert.True(body["smsSendOptions"]!["enableDeliveryReport"]!.GetValue<bool>());
        Assert.Equal("new-message", body["smsSendOptions"]!["tag"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_resend_of_the_same_notice_carries_the_same_id_and_another_notice_another()
    {
        await using var fake = await FakeCommunicationServices.StartAsync();
        var (sms, _) = Senders(fake);

        var first = await sms.SendAsync(Text("+13125550101", "outbox|p1|n2"), default);
        var again = await sms.SendAsync(Text("+13125550101", "outbox|p1|n2"), default);
        var other = await sms.SendAsync(Text("+13125550101", "outbox|p1|n3"), default);

        Assert.Equal(first.ProviderMessageId, again.ProviderMessageId);
        Assert.NotEqual(first.ProviderMessageId, other.ProviderMessageId);
    }

    [Fact]
    public async Task A_recipient_refused_for_good_is_rejected_with_a_reason_without_the_number()
    {
        await using var fake = await FakeCommunicationServices.StartAsync();
        var (sms, _) = Senders(fake);

        var result = await sms.SendAsync(Text("+15555550199", "outbox|p2|n1"), default);

        Assert.Equal(SendOutcome.Rejected, result.Outcome);
        Assert.StartsWith("HTTP 400: Invalid To phone number format", result.Reason);
        Assert.DoesNotContain("5555550199", result.Reason);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_is_try_later()
    {
        await using var fake = await FakeCommunicationServices.StartAsync();
        var (sms, _) = Senders(fake);
        fake.ThrottleNext = 100;

        var result = await sms.SendAsync(Text("+13125550101", "outbox|p3|n1"), default);

        Assert.Equal(SendOutcome.TryLater, result.Outcome);
        Assert.Equal(5, fake.Requests.Count); // the first try and four retries
    }

    [Fact]
    public async Task Email_is_sent_with_an_operation_id_derived_from_the_notice_and_no_tracking()
    {
        await using var fake = await FakeCommunicationServices.StartAsync();
        var (_, email) = Senders(fake);

        var result = await email.SendAsync(new EmailMessage("ana@example.org", "A new message", "You have a new message.", "<p>You have a new message.</p>", "outbox|p1|n4"), default);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var request = Assert.Single(fake.Requests);
        Assert.Equal(DeliveryIds.From("outbox|p1|n4").ToString(), request.OperationId);
        Assert.Equal(result.ProviderMessageId, request.OperationId);
        Assert.Equal("DoNotReply@clinic.example", request.Body["senderAddress"]!.GetValue<string>());
        Assert.Equal("ana@example.org", request.Body["recipients"]!["to"]![0]!["address"]!.GetValue<string>());
        Assert.True(request.Body["userEngagementTrackingDisabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Without_a_sender_number_nothing_is_sent_and_the_reason_says_which_setting()
    {
        await using var fake = await FakeCommunicationServices.StartAsync();
        var client = new AcsClient(new CommunicationOptions { ConnectionString = fake.ConnectionString }, TimeProvider.System, NullLogger<AcsClient>.Instance);
        var sms = new AcsSmsSender(client, new CommunicationOptions());

        var result = await sms.SendAsync(Text("+13125550101", "outbox|p4|n1"), default);

        Assert.Equal(SendOutcome.Rejected, result.Outcome);
        Assert.Contains("Sms:FromNumber", result.Reason);
        Assert.Empty(fake.Requests);
    }
}
