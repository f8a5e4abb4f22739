namespace Portal.Core.Notifications.Inbound;

/// <summary>Remembers which provider events were handled, so a redelivery changes nothing.</summary>
public interface IProcessedEvents
{
    /// <summary>Records the event id first; false when it was recorded before (a duplicate delivery).</summary>
    Task<bool> TryBeginAsync(string eventId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Forgets an event whose handling failed, so the provider's retry handles it again.</summary>
    Task ForgetAsync(string eventId, CancellationToken cancellationToken);
}
