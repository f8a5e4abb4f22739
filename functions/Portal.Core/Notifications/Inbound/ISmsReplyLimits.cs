namespace Portal.Core.Notifications.Inbound;

/// <summary>Limits unprompted answers per number, so a chatty sender (or another robot) gets one short text a day, not a conversation.</summary>
public interface ISmsReplyLimits
{
    /// <summary>True (and remembers <paramref name="now"/>) when the number got no fallback answer within <paramref name="window"/> before now.</summary>
    Task<bool> TryTakeAsync(string phone, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken);
}
