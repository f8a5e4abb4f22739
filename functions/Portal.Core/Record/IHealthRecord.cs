using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Core.Record;

/// <summary>
/// Port: the health record in the patient's chart partition: the items of every section, the sending systems'
/// identifier index, the section tallies and each caller's marks. Every read and write is in the one partition.
/// Access is decided before any call (<see cref="Access.ChartAccess"/>); the store does not filter by caller
/// except where <see cref="RecordQuery.IncludeConfidential"/> says so.
/// </summary>
public interface IHealthRecord
{
    /// <summary>
    /// One page of a section, newest clinical date first, filtered by status and confidentiality in the query.
    /// One range query. Throws <see cref="InvalidContinuationTokenException"/> for a token another list issued.
    /// </summary>
    Task<Page<RecordItem>> ReadSectionAsync(string patientId, RecordQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>One item with its ETag, or null (also for an id that is not an item id). One point read.</summary>
    Task<Versioned<RecordItem>?> FindAsync(string patientId, RecordSection section, string itemId, CancellationToken cancellationToken);

    /// <summary>
    /// The items the sending system's identifiers point at (conditional create and update), by identifier; an
    /// identifier of no item is absent from the answer. One point read per identifier, in parallel.
    /// </summary>
    Task<IReadOnlyDictionary<SourceIdentifier, Versioned<RecordItem>>> FindBySourceAsync(
        string patientId, IReadOnlyCollection<SourceIdentifier> identifiers, CancellationToken cancellationToken);

    /// <summary>The section tallies, last visit and <paramref name="subject"/>'s marks. One query of the index rows.</summary>
    Task<RecordIndex> ReadIndexAsync(string patientId, string subject, CancellationToken cancellationToken);

    /// <summary>A visit with the items linked to it, or null. One query.</summary>
    Task<VisitRecord?> ReadVisitAsync(string patientId, string visitId, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the changes, the section tallies and the notice atomically (see <see cref="RecordWrite"/>): a stale
    /// ETag, an item created concurrently, or another write in progress for the record is a
    /// <see cref="ConcurrencyConflictException"/> and nothing is visible. Writing the same <see cref="RecordWrite.WriteId"/>
    /// again after an interruption finishes it.
    /// </summary>
    Task WriteAsync(RecordWrite write, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces one item if <paramref name="eTag"/> matches (amendments, a clinician's edit), with the tallies and
    /// the notice in the same transaction; returns the new ETag. Stale: <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    Task<string> ReplaceAsync(RecordItem before, string eTag, RecordItem after, Notice? notice, CancellationToken cancellationToken);

    /// <summary>
    /// Remembers what <paramref name="subject"/> has seen: per section, the section's <see cref="SectionTally.Changes"/>
    /// as the caller read it (never less than their earlier mark). Sections left out keep their marks. One write.
    /// </summary>
    Task MarkSeenAsync(string patientId, string subject, IReadOnlyDictionary<RecordSection, long> seen, CancellationToken cancellationToken);

    /// <summary>Remembers that <paramref name="subject"/> reviewed the visit. One write.</summary>
    Task MarkReviewedAsync(string patientId, string subject, string visitId, DateTimeOffset at, CancellationToken cancellationToken);
}
