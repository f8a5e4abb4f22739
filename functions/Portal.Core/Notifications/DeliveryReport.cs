namespace Portal.Core.Notifications;

/// <summary>What the carrier said about a text message the provider accepted.</summary>
/// <param name="ProviderMessageId">The id the provider gave the message when it was sent.</param>
/// <param name="Delivered">True when delivered; false when delivery failed.</param>
/// <param name="Reason">The provider's status details for a failure (no patient data), else null.</param>
/// <param name="At">When the carrier reported it.</param>
public sealed record DeliveryReport(string ProviderMessageId, bool Delivered, string? Reason, DateTimeOffset At);
