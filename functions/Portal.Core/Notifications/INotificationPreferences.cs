using Portal.Core.Common;

namespace Portal.Core.Notifications;

/// <summary>Port: the notification-preferences row of each patient's chart.</summary>
public interface INotificationPreferences
{
    /// <summary>
    /// The saved preferences with their ETag; <see cref="NotificationPreferences.Defaults"/> with
    /// <see cref="NotificationPreferences.DefaultsETag"/> when the chart has none saved; null when there is no such
    /// patient. One point read when saved, two when not (the second checks that the chart exists).
    /// </summary>
    Task<Versioned<NotificationPreferences>?> FindAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="preferences"/> if the stored version is still <paramref name="eTag"/>
    /// (<see cref="NotificationPreferences.DefaultsETag"/>: only if none is saved); returns the new ETag; throws
    /// <see cref="ConcurrencyConflictException"/> when stale.
    /// </summary>
    Task<string> SaveAsync(string patientId, NotificationPreferences preferences, string eTag, CancellationToken cancellationToken);
}
