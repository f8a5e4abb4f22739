using Microsoft.Extensions.Options;
using Moq;
using Portal.Core.Clinic;
using Portal.Core.Notifications;
using Portal.Core.Notifications.Inbound;

namespace Portal.Tests.Notifications.Inbound;

public class ReceiveCommunicationEventsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly InMemoryOptOuts optOuts = new();
    private readonly RecordingSms sms = new();
    private readonly InMemoryProcessedEvents processed = new();
    private readonly Mock<IDeliveryReports> reports = new();

    private ReceiveCommunicationEvents UseCase(ISmsOptOuts? optOutsOverride = null)
    {
        var clock = new FixedClock(Noon);
        var receiveText = new ReceiveText(optOutsOverride ?? optOuts, new InMemorySmsLanguages(), sms, new InMemoryReplyLimits(), [], Options.Create(new ClinicOptions()), clock, new RecordingLogger<ReceiveText>());
        return new ReceiveCommunicationEvents(receiveText, processed, clock, new RecordingLogger<ReceiveCommunicationEvents>());
    }

    private static TextReceived Text(string eventId, string message, string messageId = "in-1") =>
        new(eventId, new InboundText(messageId, "+13125550101", message, Noon));

    [Fact]
    public async Task The_same_event_twice_has_one_effect_and_one_reply()
    {
        var useCase = UseCase();

        var first = await useCase.ExecuteAsync([Text("e-1", "help")], reports.Object, default);
        var again = await useCase.ExecuteAsync([Text("e-1", "help")], reports.Object, default);

        Assert.Equal(new CommunicationEventsReceipt(1, 0, 0), first);
        Assert.Equal(new CommunicationEventsReceipt(0, 1, 0), again);
        Assert.Single(sms.Sent);
    }

    [Fact]
    public async Task Delivery_reports_go_to_the_recorder_and_are_ignored_without_one()
    {
        var report = new DeliveryReport("out-1", true, null, Noon);

        await UseCase().ExecuteAsync([new DeliveryReported("e-2", report), new OtherEvent("e-3", "x")], reports.Object, default);
        var without = await UseCase().ExecuteAsync([new DeliveryReported("e-4", report)], null, default);

        reports.Verify(r => r.RecordAsync(report, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(new CommunicationEventsReceipt(0, 0, 1), without);
        Assert.DoesNotContain("e-4", processed.Ids);
    }

    [Fact]
    public async Task A_failure_forgets_the_event_so_the_retry_handles_it()
    {
        var failing = new Mock<ISmsOptOuts>();
        failing.Setup(o => o.SetAsync(It.IsAny<string>(), true, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ThrowsAsync(new TimeoutException());

        await Assert.ThrowsAsync<TimeoutException>(() => UseCase(failing.Object).ExecuteAsync([Text("e-5", "STOP")], null, default));
        Assert.Empty(processed.Ids);

        await UseCase().ExecuteAsync([Text("e-5", "STOP")], null, default);
        Assert.True(await optOuts.IsOptedOutAsync("+13125550101", default));
    }
}
