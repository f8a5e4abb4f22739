using Portal.Core.Common;

namespace Portal.Core.Scheduling.Waitlist;

/// <summary>
/// Port: waitlist entries in the patients' charts and the index of each provider and visit type's line (one partition
/// each, oldest first), so a released slot reads one partition and no chart it does not offer to.
/// </summary>
public interface IWaitlist
{
    /// <summary>The entry with its ETag, or null. One point read.</summary>
    Task<Versioned<WaitlistEntry>?> FindAsync(string patientId, string entryId, CancellationToken cancellationToken);

    /// <summary>Every entry in the chart (a chart holds few). One range query.</summary>
    Task<IReadOnlyList<Versioned<WaitlistEntry>>> ListAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a new entry: its index row first, then the chart row (an index row without a chart row is removed when an
    /// offer finds it). An entry already in the chart is a <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    Task<string> AddAsync(WaitlistEntry entry, CancellationToken cancellationToken);

    /// <summary>Replaces the entry if <paramref name="eTag"/> matches (412 otherwise); an entry no longer waiting leaves the index after.</summary>
    Task<string> ReplaceAsync(WaitlistEntry entry, string eTag, CancellationToken cancellationToken);

    /// <summary>The line for a visit type with a provider, oldest first, at most <paramref name="max"/> rows. One query.</summary>
    Task<IReadOnlyList<WaitlistSpot>> LineAsync(string providerId, string visitTypeId, int max, CancellationToken cancellationToken);

    /// <summary>Removes an index row (its entry left, expired or never landed); gone already is fine.</summary>
    Task RemoveAsync(WaitlistSpot spot, CancellationToken cancellationToken);
}
