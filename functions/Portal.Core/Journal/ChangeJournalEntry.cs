using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Journal;

/// <summary>
/// Use case: edit or delete an entry with the ETag read (If-Match). The patient changes any entry of their journal, a
/// caregiver with <c>records.write</c> the entries they wrote. An entry shared with the care team is corrected, never
/// deleted: what the team was shown stays in the chart.
/// </summary>
public sealed class ChangeJournalEntry(IJournal journal, JournalAccess access, TimeProvider clock)
{
    private const string Stale = "The entry changed since you read it; read it again and reapply your change.";

    /// <summary>The edited entry with its new ETag; 400, 403/404, 412, 428.</summary>
    public Task<Result<Versioned<JournalEntry>>> EditAsync(
        Caller caller, string patientId, string entryId, string? ifMatch, JournalEntryRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Task.FromResult<Result<Versioned<JournalEntry>>>(new Failure(FailureKind.PreconditionRequired, "Send the entry's ETag in If-Match to change it."));
        }

        if (JournalRules.Validate(request, clock.GetUtcNow()).ToFailure() is { } invalid)
        {
            return Task.FromResult<Result<Versioned<JournalEntry>>>(invalid);
        }

        return access.RunAsync<Versioned<JournalEntry>>(caller, patientId, write: true, $"patients/{patientId}/journal/{entryId}", async visit =>
        {
            var found = await OwnAsync(visit, patientId, entryId, ifMatch, cancellationToken);
            if (!found.Succeeded)
            {
                return found.Failure;
            }

            var before = found.Value.Value;
            var after = JournalEntries.From(request, entryId, visit, before.CreatedAt, clock.GetUtcNow()) with
            {
                AuthorSubject = before.AuthorSubject,
                AuthorName = before.AuthorName,
                ByCaregiver = before.ByCaregiver,
                SharedAt = before.SharedAt,
                ShareId = before.ShareId,
            };
            try
            {
                return new Versioned<JournalEntry>(after, await journal.ReplaceAsync(before, found.Value.ETag, after, cancellationToken));
            }
            catch (ConcurrencyConflictException)
            {
                return new Failure(FailureKind.PreconditionFailed, Stale);
            }
        }, cancellationToken);
    }

    /// <summary>Deletes the entry; 403/404, 409 once shared, 412, 428.</summary>
    public Task<Result<bool>> DeleteAsync(Caller caller, string patientId, string entryId, string? ifMatch, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Task.FromResult<Result<bool>>(new Failure(FailureKind.PreconditionRequired, "Send the entry's ETag in If-Match to delete it."));
        }

        return access.RunAsync<bool>(caller, patientId, write: true, $"patients/{patientId}/journal/{entryId}", async visit =>
        {
            var found = await OwnAsync(visit, patientId, entryId, ifMatch, cancellationToken);
            if (!found.Succeeded)
            {
                return found.Failure;
            }

            if (found.Value.Value.IsShared)
            {
                return new Failure(FailureKind.Conflict, "This entry was shared with the care team: correct it instead of deleting it.");
            }

            try
            {
                await journal.DeleteAsync(found.Value.Value, found.Value.ETag, cancellationToken);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return new Failure(FailureKind.PreconditionFailed, Stale);
            }
        }, cancellationToken);
    }

    private async Task<Result<Versioned<JournalEntry>>> OwnAsync(
        Access.ChartVisit visit, string patientId, string entryId, string ifMatch, CancellationToken cancellationToken)
    {
        if (await journal.FindAsync(patientId, entryId, cancellationToken) is not { } found)
        {
            return Failure.NotFound("The journal entry");
        }

        if (!JournalAccess.MayChange(visit, found.Value.AuthorSubject))
        {
            return new Failure(FailureKind.Forbidden, "A caregiver changes only the entries they wrote.");
        }

        return found.ETag == ifMatch || ifMatch == "*" ? found : new Failure(FailureKind.PreconditionFailed, Stale);
    }
}
