using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Portal.Azure.Labs;
using Portal.Core.Labs.Ingestion;

namespace Portal.Tests.Labs;

/// <summary>The Service Bus drain against the SDK's own test doubles: a mocked receiver and model-factory messages.</summary>
public class ServiceBusLabDrainTests
{
    private static ServiceBusReceivedMessage Message(string body, string id, string? contentType = null, int deliveryCount = 1) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString(body), messageId: id, contentType: contentType, deliveryCount: deliveryCount);

    private static Mock<ServiceBusReceiver> Receiver(params IReadOnlyList<ServiceBusReceivedMessage>[] batches)
    {
        var receiver = new Mock<ServiceBusReceiver>();
        var sequence = receiver.SetupSequence(r => r.ReceiveMessagesAsync(It.IsAny<int>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()));
        foreach (var batch in batches)
        {
            sequence = sequence.ReturnsAsync(batch);
        }

        sequence.ReturnsAsync([]);
        return receiver;
    }

    [Fact]
    public async Task A_stored_message_is_completed_an_unreadable_one_dead_lettered_with_its_reason()
    {
        var fixture = new LabIngestionFixture();
        var good = Message(LabIngestionFixture.Oru("SB-1"), "m1", "x-application/hl7-v2+er7");
        var adt = Message("MSH|^~\\&|A|B|C|D|20250301||ADT^A01|SB-2|P|2.5.1\rPID|1||1^^^X^MR||Doe^J||19800101|F\r", "m2");
        var receiver = Receiver([good, adt]);
        var drain = new ServiceBusLabDrain(fixture.Create(), receiver.Object, NullLogger<ServiceBusLabDrain>.Instance);

        var report = await drain.DrainAsync(10, TimeSpan.FromMinutes(1), default);

        Assert.Equal((2, 1, 1, 0), (report.Received, report.Completed, report.DeadLettered, report.Abandoned));
        receiver.Verify(r => r.CompleteMessageAsync(good, It.IsAny<CancellationToken>()), Times.Once);
        receiver.Verify(r => r.DeadLetterMessageAsync(adt, "UnsupportedMessageType", It.Is<string>(d => d.Contains("ADT^A01", StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once);
        fixture.Unmatched.Verify(u => u.AddAsync(It.Is<UnmatchedResult>(e => e.ControlId == "SB-1"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_transient_storage_failure_abandons_the_message_for_a_later_delivery()
    {
        var fixture = new LabIngestionFixture();
        fixture.Messages.Setup(m => m.BeginAsync(It.IsAny<LabMessageRecord>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("storage unreachable"));
        var message = Message(LabIngestionFixture.Oru("SB-3"), "m3");
        var receiver = Receiver([message]);
        var drain = new ServiceBusLabDrain(fixture.Create(), receiver.Object, NullLogger<ServiceBusLabDrain>.Instance);

        var report = await drain.DrainAsync(10, TimeSpan.FromMinutes(1), default);

        Assert.Equal((1, 0, 0, 1), (report.Received, report.Completed, report.DeadLettered, report.Abandoned));
        receiver.Verify(r => r.AbandonMessageAsync(message, null, It.IsAny<CancellationToken>()), Times.Once);
        receiver.Verify(r => r.CompleteMessageAsync(It.IsAny<ServiceBusReceivedMessage>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_run_takes_at_most_its_bound_and_asks_for_no_more_than_it_may_take()
    {
        var fixture = new LabIngestionFixture();
        var receiver = new Mock<ServiceBusReceiver>();
        var asked = new List<int>();
        var next = 0;
        receiver.Setup(r => r.ReceiveMessagesAsync(It.IsAny<int>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((int max, TimeSpan? _, CancellationToken _) =>
            {
                asked.Add(max);
                return [.. Enumerable.Range(0, max).Select(_ => Message(LabIngestionFixture.Oru($"B-{next++}"), $"b{next}"))];
            });
        var drain = new ServiceBusLabDrain(fixture.Create(), receiver.Object, NullLogger<ServiceBusLabDrain>.Instance);

        var report = await drain.DrainAsync(45, TimeSpan.FromMinutes(1), default);

        Assert.Equal(45, report.Received);
        Assert.Equal([20, 20, 5], asked);
    }

    [Fact]
    public async Task Without_a_namespace_the_drain_does_nothing()
    {
        var drain = new ServiceBusLabDrain(new LabIngestionFixture().Create(), null, NullLogger<ServiceBusLabDrain>.Instance);

        var report = await drain.DrainAsync(10, TimeSpan.FromMinutes(1), default);

        Assert.Equal((false, 0), (drain.IsConfigured, report.Received));
    }

    [Theory]
    [InlineData("application/fhir+json", Portal.Core.Labs.LabReportFormat.FhirR4)]
    [InlineData("x-application/hl7-v2+er7; charset=utf-8", Portal.Core.Labs.LabReportFormat.Hl7V2)]
    [InlineData(null, null)]
    public void The_content_type_declares_the_format(string? contentType, Portal.Core.Labs.LabReportFormat? format) =>
        Assert.Equal(format, ServiceBusLabDrain.Format(contentType));
}
