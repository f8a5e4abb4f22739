using Portal.Core.Common;

namespace Portal.Core.Scheduling.CheckIn;

/// <summary>Port: online check-ins in the patients' charts, each written with its appointment's mark in one transaction.</summary>
public interface ICheckIns
{
    /// <summary>The visit's check-in with its ETag, or null. One point read.</summary>
    Task<Versioned<PreVisitCheckIn>?> FindAsync(string patientId, string appointmentId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the check-in (new when <paramref name="checkInETag"/> is null, else replaced if it matches) and the
    /// appointment (if <paramref name="appointmentETag"/> matches) in one chart transaction; returns both new ETags.
    /// A stale ETag (or a check-in that appeared meanwhile) is a <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    Task<(string CheckIn, string Appointment)> SaveAsync(
        PreVisitCheckIn checkIn, string? checkInETag, Appointment appointment, string appointmentETag, CancellationToken cancellationToken);
}
