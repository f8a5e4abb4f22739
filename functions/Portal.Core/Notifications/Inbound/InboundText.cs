namespace Portal.Core.Notifications.Inbound;

/// <summary>A text message a patient (or anyone) sent to the clinic's number.</summary>
/// <param name="MessageId">The provider's id of the inbound message; replies are keyed by it, so a redelivery never answers twice.</param>
/// <param name="From">The sender in E.164 form.</param>
/// <param name="Message">What they wrote, as received.</param>
/// <param name="ReceivedAt">When the provider received it; keywords are ordered by it.</param>
public sealed record InboundText(string MessageId, string From, string Message, DateTimeOffset ReceivedAt);
