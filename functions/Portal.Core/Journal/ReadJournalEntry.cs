using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Journal;

/// <summary>Use case: one entry with its ETag; staff see it only once shared.</summary>
public sealed class ReadJournalEntry(IJournal journal, JournalAccess access)
{
    /// <summary>The entry, or 404 (unknown, or not shared for staff), 403/404 per the policy.</summary>
    public Task<Result<Versioned<JournalEntry>>> ExecuteAsync(Caller caller, string patientId, string entryId, CancellationToken cancellationToken) =>
        access.RunAsync<Versioned<JournalEntry>>(caller, patientId, write: false, $"patients/{patientId}/journal/{entryId}", async visit =>
            await journal.FindAsync(patientId, entryId, cancellationToken) is { } found && (JournalAccess.IsPatientSide(visit) || found.Value.IsShared)
                ? found
                : Failure.NotFound("The journal entry"),
            cancellationToken);
}
