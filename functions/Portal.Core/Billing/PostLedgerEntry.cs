using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Billing;

/// <summary>
/// Use case: the billing office posts a charge, an insurance payment, an adjustment, a cash or check payment, a refund
/// (not by card), a write-off, or a reversal that corrects an earlier entry. Entries are never edited or deleted. Each
/// keeps who posted it and why; the access is audited. With an Idempotency-Key a retry answers with the same entry.
/// </summary>
public sealed class PostLedgerEntry(
    LedgerWrites writes, ILedger ledger, ChartAccess access, IRequestReplays replays, IOptions<BillingOptions> billing, StatementCalendar calendar, TimeProvider clock)
{
    private const string Operation = "ledger-entry";

    /// <summary>The posted entry; 400 bad input, 403 not the billing office, 404 no such patient or entry, 409 a reused key or a second reversal.</summary>
    public async Task<Result<LedgerEntry>> ExecuteAsync(
        Caller caller, string patientId, NewLedgerEntry request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var currency = billing.Value.Currency;
        var errors = LedgerRules.Validate(request, calendar.ClinicDate(now));
        errors.Require(IdempotencyKeys.IsValidOrAbsent(idempotencyKey), IdempotencyKeys.Field, IdempotencyKeys.Rule);
        var amount = request.Kind == LedgerEntryKind.Reversal ? default : Money.Parse(request.Amount, currency);
        if (!amount.Succeeded)
        {
            foreach (var (field, messages) in amount.Failure.Errors!)
            {
                errors.Add(field, messages[0]);
            }
        }

        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        // Patients and caregivers with billing.write pay; only the billing office posts to the ledger.
        var visit = await access.OpenForOfficeAsync(caller, patientId, $"patients/{patientId}/billing/entries", "Only the billing office posts ledger entries.", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = await PostAsync(visit.Value, request, amount.Value, idempotencyKey, now, cancellationToken);
        await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    private async Task<Result<LedgerEntry>> PostAsync(
        ChartVisit visit, NewLedgerEntry request, Money amount, string? idempotencyKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var requestHash = IdempotencyKeys.Hash(new { visit.PatientId, request });
        var replay = idempotencyKey is null ? null : await replays.FindAsync(visit.Caller.Subject, Operation, idempotencyKey, cancellationToken);
        var retry = replay is not null && replay.IsLive(now);
        if (retry && replay!.RequestHash != requestHash)
        {
            return new Failure(FailureKind.Conflict, "This Idempotency-Key was used for a different request.");
        }

        if (!retry)
        {
            replay = new RequestReplay(visit.Caller.Subject, Operation, idempotencyKey ?? "", requestHash, Guid.NewGuid().ToString("N"), now);
            if (idempotencyKey is not null)
            {
                await replays.SaveAsync(replay, cancellationToken);
            }
        }

        LedgerEntry? reversed = null;
        if (request.Kind == LedgerEntryKind.Reversal)
        {
            reversed = await ledger.FindAsync(visit.PatientId, request.Reverses!.Value, cancellationToken);
            if (reversed is null)
            {
                return Failure.Invalid("reverses", "There is no such entry in this ledger.");
            }

            if (reversed.Kind == LedgerEntryKind.Reversal || reversed.PaymentReference is not null)
            {
                return Failure.Invalid("reverses", reversed.Kind == LedgerEntryKind.Reversal
                    ? "A reversal is not reversed; post the entry again instead."
                    : "Card payments are corrected by refunding them through the payment provider.");
            }
        }

        // A reversal's origin is the entry it undoes, so an entry is reversed once, whoever tries again.
        var origin = reversed is not null ? $"reverses:{reversed.Sequence}" : $"entry:{replay!.ResourceId}";
        var at = replay!.CreatedAt;
        var posted = await writes.PostAsync(visit.PatientId, billing.Value.Currency, origin, (account, sequence) =>
        {
            var entry = reversed is not null
                ? new LedgerEntry(visit.PatientId, sequence, LedgerEntryKind.Reversal, reversed.Amount, -reversed.Effect, at,
                    request.Description?.Trim() is { Length: > 0 } words ? words : $"Correction of entry {reversed.Sequence}: {reversed.Description}",
                    reversed.ServiceDate, reversed.VisitId, reversed.Code, request.Reason!.Trim(), visit.Caller.Subject, visit.Caller.DisplayName, reversed.Sequence, null, origin, reversed.Kind)
                : new LedgerEntry(visit.PatientId, sequence, request.Kind, amount, LedgerRules.Effect(request.Kind, amount), at,
                    request.Description?.Trim() is { Length: > 0 } text ? text : LedgerRules.DefaultDescription(request.Kind),
                    request.ServiceDate, request.VisitId?.Trim(), request.Code, request.Reason!.Trim(), visit.Caller.Subject, visit.Caller.DisplayName, null, null, origin);
            return Task.FromResult<Result<LedgerPosting>>(new LedgerPosting(entry, account.After(entry)));
        }, cancellationToken);
        if (!posted.Succeeded)
        {
            return posted.Failure;
        }

        return posted.Value.Existing && !retry
            ? new Failure(FailureKind.Conflict, $"Entry {reversed!.Sequence} was already reversed by entry {posted.Value.Entry.Sequence}.")
            : posted.Value.Entry;
    }
}
