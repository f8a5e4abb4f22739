using Portal.Core.Common;

namespace Portal.Core.Notifications;

/// <summary>Port: each person's own contact details for notices (caregivers, who have no chart of their own), by sign-in subject.</summary>
public interface INoticeContacts
{
    /// <summary>The saved details with their ETag, or null when none were saved. One point read.</summary>
    Task<Versioned<NoticeContact>?> FindAsync(string subject, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the details if the stored version is still <paramref name="eTag"/> (<see cref="NoticeContact.NoneETag"/>: only
    /// if none are saved); returns the new ETag; throws <see cref="ConcurrencyConflictException"/> when stale.
    /// </summary>
    Task<string> SaveAsync(string subject, NoticeContact contact, string eTag, CancellationToken cancellationToken);
}
