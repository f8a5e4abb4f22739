using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Core.Labs.Results;

/// <summary>
/// Port: lab results in the patient's <c>Charts</c> partition (each result, its observations per version, the patient's
/// hold choices) and the release index of held results by due time. Every change of results, with the notice it causes,
/// is one entity-group transaction; a change too large for one is written in ordered batches whose final one makes it
/// visible.
/// </summary>
public interface ILabResults
{
    /// <summary>The patient's hold choices and the named results with their ETags, for an ingestion. One query.</summary>
    Task<LabChartSnapshot> ReadForWriteAsync(string patientId, IReadOnlyCollection<string> resultIds, CancellationToken cancellationToken);

    /// <summary>
    /// Writes changes: the notice's pending row and the due-release rows first (index first), then the chart: one
    /// transaction when it fits (≤ 100 rows), else the observations in ordered batches and the results (the markers
    /// readers go by) with the notice last. A stale ETag is a <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    Task WriteAsync(LabChartWrite write, CancellationToken cancellationToken);

    /// <summary>One page of results, newest first; <paramref name="releasedOnly"/> for the patient's side. One query.</summary>
    Task<Page<LabResult>> ListAsync(string patientId, bool releasedOnly, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>The result with its ETag, or null. One point read.</summary>
    Task<Versioned<LabResult>?> FindAsync(string patientId, string resultId, CancellationToken cancellationToken);

    /// <summary>The observations of one version of a result, in order. One range query.</summary>
    Task<IReadOnlyList<ResultObservation>> ObservationsAsync(string patientId, string resultId, int version, CancellationToken cancellationToken);

    /// <summary>Every observation with this LOINC code, of every version (the caller keeps current ones). One query.</summary>
    Task<IReadOnlyList<(string ResultId, int Version, ResultObservation Observation)>> ObservationsWithCodeAsync(string patientId, string loinc, CancellationToken cancellationToken);

    /// <summary>Every result of the patient (headers only), newest first. One query.</summary>
    Task<IReadOnlyList<LabResult>> AllAsync(string patientId, bool releasedOnly, CancellationToken cancellationToken);

    /// <summary>The patient's hold choices with their ETag, or null when never saved. One point read.</summary>
    Task<Versioned<ResultHoldPreferences>?> FindPreferencesAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>Saves the hold choices: insert when <paramref name="eTag"/> is null, else ETag-guarded. Returns the new ETag.</summary>
    Task<string> SavePreferencesAsync(string patientId, ResultHoldPreferences preferences, string? eTag, CancellationToken cancellationToken);

    /// <summary>Release-index entries due at <paramref name="now"/>, earliest first, at most <paramref name="max"/>. One query.</summary>
    Task<IReadOnlyList<DueRelease>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Removes a release-index entry (done, or the hold changed).</summary>
    Task RemoveDueAsync(DueRelease due, CancellationToken cancellationToken);
}

/// <summary>What an ingestion needs to read before it writes.</summary>
/// <param name="Preferences">The patient's hold choices (defaults when never saved).</param>
/// <param name="Existing">The results already in the chart among those asked for, with their ETags.</param>
public sealed record LabChartSnapshot(ResultHoldPreferences Preferences, IReadOnlyDictionary<string, Versioned<LabResult>> Existing);

/// <summary>One write to a patient's results.</summary>
/// <param name="PatientId">Whose chart.</param>
/// <param name="Changes">The results written.</param>
/// <param name="Notice">The new-result notice, when the write releases something to the patient.</param>
/// <param name="DueReleases">Release-index entries for holds the write sets.</param>
public sealed record LabChartWrite(string PatientId, IReadOnlyList<ResultChange> Changes, Notice? Notice, IReadOnlyList<DueRelease> DueReleases);

/// <summary>One result written.</summary>
/// <param name="Result">The result as it is to be.</param>
/// <param name="ETag">The ETag read, or null for a new result.</param>
/// <param name="PreviousSortTime">Its list time before this change (null for a new result), so the list entry can move.</param>
/// <param name="Observations">A new version's observations, or null when only the result changes (holds, review).</param>
public sealed record ResultChange(LabResult Result, string? ETag, DateTimeOffset? PreviousSortTime, IReadOnlyList<ResultObservation>? Observations);
