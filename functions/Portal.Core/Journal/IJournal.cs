using Portal.Core.Common;

namespace Portal.Core.Journal;

/// <summary>
/// Port: the health journal in the patient's <c>Charts</c> partition: entries (newest first, by the time they name),
/// questions for the next visit, and shares. Access is decided before any call.
/// </summary>
public interface IJournal
{
    /// <summary>One page of entries, newest first. One range query. Throws <see cref="InvalidContinuationTokenException"/> for another list's token.</summary>
    Task<Page<JournalEntry>> ListAsync(string patientId, JournalQuery query, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>Every entry the query names (a bounded range: shares, trends, the self-check), newest first. One range query.</summary>
    Task<IReadOnlyList<JournalEntry>> AllAsync(string patientId, JournalQuery query, CancellationToken cancellationToken);

    /// <summary>The entry with its ETag, or null. Two point reads (the id's pointer, then the entry).</summary>
    Task<Versioned<JournalEntry>?> FindAsync(string patientId, string entryId, CancellationToken cancellationToken);

    /// <summary>Adds a new entry (its row and its id's pointer in one transaction); an entry with its id already there is a <see cref="ConcurrencyConflictException"/>.</summary>
    Task<string> AddAsync(JournalEntry entry, CancellationToken cancellationToken);

    /// <summary>Replaces the entry if <paramref name="eTag"/> matches (moving its row when its time changed); stale: <see cref="ConcurrencyConflictException"/>.</summary>
    Task<string> ReplaceAsync(JournalEntry before, string eTag, JournalEntry after, CancellationToken cancellationToken);

    /// <summary>Deletes the entry if <paramref name="eTag"/> matches; stale: <see cref="ConcurrencyConflictException"/>.</summary>
    Task DeleteAsync(JournalEntry entry, string eTag, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the entries shared (a merge of the share columns only, in transactions of at most 100 rows), then writes the
    /// share row: a retry writes the same again.
    /// </summary>
    Task ShareAsync(JournalShare share, IReadOnlyList<JournalEntry> entries, CancellationToken cancellationToken);

    /// <summary>The share, or null. One point read.</summary>
    Task<JournalShare?> FindShareAsync(string patientId, string shareId, CancellationToken cancellationToken);

    /// <summary>Every share, oldest first (a chart holds few). One range query.</summary>
    Task<IReadOnlyList<JournalShare>> SharesAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>Every question, in the order asked (a chart holds few). One range query.</summary>
    Task<IReadOnlyList<Versioned<VisitQuestion>>> QuestionsAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>The question with its ETag, or null. One point read.</summary>
    Task<Versioned<VisitQuestion>?> FindQuestionAsync(string patientId, string questionId, CancellationToken cancellationToken);

    /// <summary>Adds (eTag null) or replaces (ETag-guarded) a question; returns the new ETag; stale or existing: <see cref="ConcurrencyConflictException"/>.</summary>
    Task<string> SaveQuestionAsync(VisitQuestion question, string? eTag, CancellationToken cancellationToken);

    /// <summary>Deletes the question if <paramref name="eTag"/> matches.</summary>
    Task DeleteQuestionAsync(VisitQuestion question, string eTag, CancellationToken cancellationToken);
}
