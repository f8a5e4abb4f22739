namespace Portal.Core.Notifications.Inbound;

/// <summary>One Event Grid event from Communication Services, as far as the portal cares.</summary>
/// <param name="Id">The event's id: a redelivery carries the same one.</param>
public abstract record CommunicationEvent(string Id)
{
    /// <summary>The event's <c>eventTime</c> (a redelivery carries the same one), or null when the envelope had none.</summary>
    public DateTimeOffset? EventTime { get; init; }
}

/// <summary><c>Microsoft.EventGrid.SubscriptionValidationEvent</c>: the subscription's handshake.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="ValidationCode">The code to echo back as <c>validationResponse</c>.</param>
public sealed record ValidationRequested(string Id, string ValidationCode) : CommunicationEvent(Id);

/// <summary><c>Microsoft.Communication.SMSReceived</c>.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Text">The text message, its sender in E.164 form.</param>
public sealed record TextReceived(string Id, InboundText Text) : CommunicationEvent(Id);

/// <summary><c>Microsoft.Communication.SMSDeliveryReportReceived</c>.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="Report">What the carrier said about a message the portal sent.</param>
public sealed record DeliveryReported(string Id, DeliveryReport Report) : CommunicationEvent(Id);

/// <summary>Any other event type: acknowledged and ignored.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="EventType">Its type.</param>
public sealed record OtherEvent(string Id, string EventType) : CommunicationEvent(Id);
