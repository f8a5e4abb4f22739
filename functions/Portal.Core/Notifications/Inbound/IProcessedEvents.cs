namespace Portal.Core.Notifications.Inbound;

/// <summary>
/// Remembers which provider events were handled, so a redelivery changes nothing: filed by the (UTC) day of the
/// event's own time, which a redelivery repeats, so whole days can be forgotten once no retry can come any more.
/// </summary>
public interface IProcessedEvents
{
    /// <summary>Records the event id first; false when it was recorded before (a duplicate delivery).</summary>
    Task<bool> TryBeginAsync(string eventId, DateTimeOffset eventTime, CancellationToken cancellationToken);

    /// <summary>Forgets an event whose handling failed, so the provider's retry handles it again.</summary>
    Task ForgetAsync(string eventId, DateTimeOffset eventTime, CancellationToken cancellationToken);

    /// <summary>The last day whose events were all forgotten, or null before the first cleanup. One point read.</summary>
    Task<DateOnly?> ForgottenThroughAsync(CancellationToken cancellationToken);

    /// <summary>Forgets every event of <paramref name="day"/> and remembers the day as done; returns how many. Reads that day only.</summary>
    Task<int> ForgetDayAsync(DateOnly day, CancellationToken cancellationToken);
}
