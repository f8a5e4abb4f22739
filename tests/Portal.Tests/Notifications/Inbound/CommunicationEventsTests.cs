using Portal.Core.Notifications.Inbound;

namespace Portal.Tests.Notifications.Inbound;

public class CommunicationEventsTests
{
    [Fact]
    public void A_delivery_report_is_read_with_Tag_capitalised_and_from_without_plus()
    {
        var events = CommunicationEvents.Read("""
            [{
              "id": "e-1", "topic": "/subscriptions/x/resourceGroups/y/providers/Microsoft.Communication/communicationServices/acs",
              "subject": "/phonenumber/15555555555", "eventType": "Microsoft.Communication.SMSDeliveryReportReceived",
              "data": {
                "MessageId": "Outgoing_20200918002745d29ebbea-3341-4466-9690-0a03af35228e", "From": "15555555555", "To": "+15555555555",
                "DeliveryStatus": "Delivered", "DeliveryStatusDetails": "No error.", "ReceivedTimestamp": "2020-09-18T00:27:47.2052508+00:00",
                "DeliveryAttempts": [{ "Timestamp": "2020-09-18T00:27:47.2052508+00:00", "SegmentsSucceeded": 1, "SegmentsFailed": 0 }],
                "Tag": "new-message"
              },
              "eventTime": "2020-09-18T00:27:47Z", "dataVersion": "1.0", "metadataVersion": "1"
            }]
            """);

        Assert.True(events.Succeeded);
        var report = Assert.IsType<DeliveryReported>(Assert.Single(events.Value)).Report;
        Assert.Equal("Outgoing_20200918002745d29ebbea-3341-4466-9690-0a03af35228e", report.ProviderMessageId);
        Assert.True(report.Delivered);
        Assert.Equal("No error.", report.Reason);
        Assert.Equal(new DateTimeOffset(2020, 9, 18, 0, 27, 47, TimeSpan.Zero).AddTicks(2052508), report.At);
    }

    [Fact]
    public void A_failed_delivery_is_not_delivered()
    {
        var events = CommunicationEvents.Read("""
            [{"id":"e-2","eventType":"Microsoft.Communication.SMSDeliveryReportReceived","data":{"messageId":"m","from":"+18005550100","to":"13125550101",
              "deliveryStatus":"Failed","deliveryStatusDetails":"Sender blocked for given recipient.","receivedTimestamp":"2026-12-01T12:00:00Z","tag":null}}]
            """);

        var report = Assert.IsType<DeliveryReported>(Assert.Single(events.Value!)).Report;
        Assert.False(report.Delivered);
        Assert.Equal("Sender blocked for given recipient.", report.Reason);
    }

    [Fact]
    public void An_inbound_text_is_read_with_its_sender_in_E164()
    {
        var events = CommunicationEvents.Read("""
            [{"id":"e-3","eventType":"Microsoft.Communication.SMSReceived","subject":"/phonenumber/15555555555",
              "data":{"MessageId":"Incoming_1","From":"13125550101","To":"+18005550100","Message":" Stop ","ReceivedTimestamp":"2026-12-01T12:00:00.5-06:00","SegmentCount":1}}]
            """);

        var text = Assert.IsType<TextReceived>(Assert.Single(events.Value!)).Text;
        Assert.Equal(new InboundText("Incoming_1", "+13125550101", " Stop ", new DateTimeOffset(2026, 12, 1, 12, 0, 0, 500, TimeSpan.FromHours(-6))), text);
    }

    [Fact]
    public void The_handshake_and_other_types_are_read()
    {
        var events = CommunicationEvents.Read("""
            [{"id":"v-1","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6","validationUrl":"https://x"}},
             {"id":"o-1","eventType":"Microsoft.Communication.ChatMessageReceived","data":{}}]
            """);

        Assert.Equal<object>(
            [new ValidationRequested("v-1", "512d38b6-c7b8-40c8-89fe-f46f9e9622b6"), new OtherEvent("o-1", "Microsoft.Communication.ChatMessageReceived")],
            events.Value!);
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("{}", "body")]
    [InlineData("[]", "body")]
    [InlineData("[1]", "[0]")]
    [InlineData("""[{"eventType":"x"}]""", "[0].id")]
    [InlineData("""[{"id":"a","eventType":"Microsoft.Communication.SMSReceived"}]""", "[0].data")]
    [InlineData("""[{"id":"a","eventType":"Microsoft.Communication.SMSReceived","data":{"messageId":"m","from":"12","message":"hi","receivedTimestamp":"2026-12-01T12:00:00Z"}}]""", "[0].data.from")]
    [InlineData("""[{"id":"a","eventType":"Microsoft.Communication.SMSReceived","data":{"messageId":"m","from":"+13125550101","message":"hi","receivedTimestamp":"soon"}}]""", "[0].data.receivedTimestamp")]
    [InlineData("""[{"id":"a","eventType":"Microsoft.Communication.SMSDeliveryReportReceived","data":{"messageId":"m","receivedTimestamp":"2026-12-01T12:00:00Z"}}]""", "[0].data.deliveryStatus")]
    public void Bad_bodies_are_field_errors(string json, string field)
    {
        var events = CommunicationEvents.Read(json);

        Assert.False(events.Succeeded);
        Assert.Contains(field, events.Failure.Errors!.Keys);
    }
}
