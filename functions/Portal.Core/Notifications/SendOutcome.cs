namespace Portal.Core.Notifications;

/// <summary>What became of one attempt to hand a notice to its channel's provider.</summary>
public enum SendOutcome
{
    /// <summary>The provider took it (queued for delivery; delivery itself is reported later).</summary>
    Accepted,

    /// <summary>The provider refused it for good (bad number, blocked recipient): try another channel, not again.</summary>
    Rejected,

    /// <summary>The provider could not take it now (throttled, unavailable) even after retrying: try again later.</summary>
    TryLater,
}
