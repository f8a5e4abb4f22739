namespace Portal.Core.Notifications;

/// <summary>The result of handing one notice to a provider.</summary>
/// <param name="Outcome">Taken, refused for good, or to be tried again later.</param>
/// <param name="ProviderMessageId">The provider's id for the message (delivery reports refer to it), when taken.</param>
/// <param name="Reason">Why it was not taken, in the provider's words (they carry no patient data), else null.</param>
public sealed record SendResult(SendOutcome Outcome, string? ProviderMessageId, string? Reason)
{
    /// <summary>Taken by the provider under <paramref name="providerMessageId"/>.</summary>
    public static SendResult Accepted(string? providerMessageId) => new(SendOutcome.Accepted, providerMessageId, null);

    /// <summary>Refused for good.</summary>
    public static SendResult Rejected(string reason) => new(SendOutcome.Rejected, null, reason);

    /// <summary>Not taken now; worth another attempt later.</summary>
    public static SendResult TryLater(string reason) => new(SendOutcome.TryLater, null, reason);
}
