using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Journal;

/// <summary>
/// Use case: the patient, or a caregiver with <c>records.write</c>, writes a journal entry. With an Idempotency-Key a
/// retry answers with the same entry (the key is remembered first with the entry's id and time).
/// </summary>
public sealed class AddJournalEntry(IJournal journal, JournalAccess access, IRequestReplays replays, TimeProvider clock)
{
    /// <summary>The new entry with its ETag; 400, 403/404, 409 for a reused key.</summary>
    public Task<Result<Versioned<JournalEntry>>> ExecuteAsync(
        Caller caller, string patientId, JournalEntryRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = JournalRules.Validate(request, clock.GetUtcNow());
        errors.Require(IdempotencyKeys.IsValidOrAbsent(idempotencyKey), IdempotencyKeys.Field, IdempotencyKeys.Rule);
        if (errors.ToFailure() is { } invalid)
        {
            return Task.FromResult<Result<Versioned<JournalEntry>>>(invalid);
        }

        return access.RunAsync<Versioned<JournalEntry>>(caller, patientId, write: true, $"patients/{patientId}/journal", async visit =>
        {
            var claimed = await replays.ClaimAsync(
                caller.Subject, JournalEntries.Operation, idempotencyKey, IdempotencyKeys.Hash(new { patientId, request }), JournalEntries.NewId, clock.GetUtcNow(), cancellationToken);
            if (!claimed.Succeeded)
            {
                return claimed.Failure;
            }

            var (replay, retry) = claimed.Value;
            if (retry && await journal.FindAsync(patientId, replay.ResourceId, cancellationToken) is { } earlier)
            {
                return earlier;
            }

            var entry = JournalEntries.From(request, replay.ResourceId, visit, replay.CreatedAt, replay.CreatedAt);
            try
            {
                return new Versioned<JournalEntry>(entry, await journal.AddAsync(entry, cancellationToken));
            }
            catch (ConcurrencyConflictException)
            {
                // A concurrent retry of the same request wrote it first.
                return await journal.FindAsync(patientId, entry.EntryId, cancellationToken) is { } written
                    ? written
                    : new Failure(FailureKind.Conflict, "The entry was changed meanwhile; try again.");
            }
        }, cancellationToken);
    }
}
