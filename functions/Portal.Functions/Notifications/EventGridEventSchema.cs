namespace Portal.Functions.Notifications;

/// <summary>
/// One Event Grid event (Event Grid schema), as documented for the webhook. The function reads the body itself
/// (<c>CommunicationEvents.Read</c>: data fields case-insensitively, unknown fields allowed); this type only
/// describes it.
/// </summary>
/// <param name="Id">The event's id; a redelivery carries the same one.</param>
/// <param name="EventType"><c>Microsoft.Communication.SMSReceived</c>, <c>Microsoft.Communication.SMSDeliveryReportReceived</c> or <c>Microsoft.EventGrid.SubscriptionValidationEvent</c>.</param>
/// <param name="Data">The event's payload (<c>messageId</c>, <c>from</c>, <c>to</c>, <c>message</c>, <c>receivedTimestamp</c> …; <c>validationCode</c> for the handshake).</param>
/// <param name="Subject">The event's subject (<c>/phonenumber/…</c>).</param>
/// <param name="Topic">The source's resource id.</param>
/// <param name="EventTime">When the event happened.</param>
/// <param name="DataVersion">The data's schema version.</param>
/// <param name="MetadataVersion">The envelope's schema version.</param>
public sealed record EventGridEventSchema(
    string Id,
    string EventType,
    System.Text.Json.Nodes.JsonObject Data,
    string? Subject = null,
    string? Topic = null,
    DateTimeOffset? EventTime = null,
    string? DataVersion = null,
    string? MetadataVersion = null);
