using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Labs.Results;
using Portal.Core.Profile;

namespace Portal.Core.Labs.Ingestion;

/// <summary>
/// Use cases: a clinician or administrator matches a work-queue entry to a patient (its results are read again from the
/// archived original and stored as if the lab had matched them, notice included) or rejects it with a reason.
/// Matching first claims the entry for that patient (ETag-guarded), so two people cannot send it to two charts; a retry
/// of the same choice finishes the job.
/// </summary>
public sealed class ResolveUnmatchedResult(
    IUnmatchedResults entries,
    ILabMessages messages,
    LabMessageReader reader,
    IProfiles profiles,
    LabChartWriter charts,
    UnmatchedQueue queue,
    ChartAccess access,
    TimeProvider clock)
{
    /// <summary>The longest reject reason.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Matches the entry to <paramref name="patientId"/>; 400/403/404/409.</summary>
    public async Task<Result<UnmatchedResult>> MatchAsync(Caller caller, string unmatchedId, string? patientId, CancellationToken cancellationToken)
    {
        var resource = $"labs/unmatched/{unmatchedId}/match";
        if (await queue.CheckAsync(caller, "labs.unmatched.match", resource, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (string.IsNullOrWhiteSpace(patientId))
        {
            return Failure.Invalid("patientId", "Name the patient the results belong to.");
        }

        var found = await entries.FindAsync(unmatchedId, cancellationToken);
        if (found is null)
        {
            return Failure.NotFound("The unmatched result");
        }

        var entry = found.Value;
        var eTag = found.ETag;
        if (entry.State is UnmatchedState.Matched or UnmatchedState.Rejected
            || (entry.State == UnmatchedState.Matching && entry.Resolution?.PatientId != patientId))
        {
            return new Failure(FailureKind.Conflict, $"This entry is already {entry.State.ToString().ToLowerInvariant()}.");
        }

        if (await profiles.FindAsync(patientId, cancellationToken) is null)
        {
            return Failure.Invalid("patientId", "No patient has this id.");
        }

        var now = clock.GetUtcNow();
        if (entry.State == UnmatchedState.Open)
        {
            entry = entry with { State = UnmatchedState.Matching, Resolution = new UnmatchedResolution(caller.Subject, caller.DisplayName, now, patientId, null) };
            try
            {
                eTag = await entries.UpdateAsync(entry, eTag, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                return new Failure(FailureKind.Conflict, "Someone else resolved this entry at the same time; read it again.");
            }
        }

        var content = await messages.ReadArchiveAsync(entry.ArchivePath, cancellationToken);
        var (read, _) = content is null ? (null, default) : reader.Read(content, entry.Format);
        if (read is not { IsSuccess: true } || IngestLabMessage.Groups(read.Report) is not { } groups || entry.Group >= groups.Count)
        {
            return new Failure(FailureKind.Conflict, "The original message cannot be read from the archive.");
        }

        var visit = new ChartVisit(caller, patientId, Permission.Change(DataCategory.Results).Scope, $"patients/{patientId}/results", ChartAccess.StaffCapacity(caller), null);
        var key = $"{entry.Facility}|{entry.ControlId}";
        await charts.StoreAsync(patientId, entry.Facility, key, entry.ControlId, groups[entry.Group].Orders, entry.ReceivedAt, new List<string>(), cancellationToken);
        await access.RecordAsync(visit, AuditOutcome.Success, cancellationToken);

        var matched = entry with { State = UnmatchedState.Matched };
        await entries.ResolveAsync(matched, eTag, cancellationToken);
        await queue.RecordAsync(caller, "labs.unmatched.match", resource, AuditOutcome.Success, cancellationToken);
        return matched;
    }

    /// <summary>Rejects the entry with a reason; 400/403/404/409.</summary>
    public async Task<Result<UnmatchedResult>> RejectAsync(Caller caller, string unmatchedId, string? reason, CancellationToken cancellationToken)
    {
        var resource = $"labs/unmatched/{unmatchedId}/reject";
        if (await queue.CheckAsync(caller, "labs.unmatched.reject", resource, cancellationToken) is { } denied)
        {
            return denied;
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            return Failure.Invalid("reason", $"Say why, in 1 to {MaxReasonLength} characters.");
        }

        var found = await entries.FindAsync(unmatchedId, cancellationToken);
        if (found is null)
        {
            return Failure.NotFound("The unmatched result");
        }

        if (found.Value.State != UnmatchedState.Open)
        {
            return new Failure(FailureKind.Conflict, $"This entry is already {found.Value.State.ToString().ToLowerInvariant()}.");
        }

        var rejected = found.Value with
        {
            State = UnmatchedState.Rejected,
            Resolution = new UnmatchedResolution(caller.Subject, caller.DisplayName, clock.GetUtcNow(), null, reason.Trim()),
        };
        try
        {
            await entries.ResolveAsync(rejected, found.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return new Failure(FailureKind.Conflict, "Someone else resolved this entry at the same time; read it again.");
        }

        await queue.RecordAsync(caller, "labs.unmatched.reject", resource, AuditOutcome.Success, cancellationToken);
        return rejected;
    }
}
