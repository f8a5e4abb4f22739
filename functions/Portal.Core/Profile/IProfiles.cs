using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Core.Profile;

/// <summary>Port: the profile entity of each patient's chart.</summary>
public interface IProfiles
{
    /// <summary>The profile with its ETag, or null when the patient does not exist. One point read.</summary>
    Task<Versioned<PatientProfile>?> FindAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the profile if <paramref name="eTag"/> matches, together with <paramref name="notice"/> (if any) in one
    /// transaction; returns the new ETag; throws <see cref="ConcurrencyConflictException"/> when stale.
    /// </summary>
    Task<string> ReplaceAsync(PatientProfile profile, string eTag, Notice? notice, CancellationToken cancellationToken);
}
