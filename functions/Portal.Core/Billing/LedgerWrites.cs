using Portal.Core.Common;

namespace Portal.Core.Billing;

/// <summary>
/// Posts an entry the one safe way: read the stored balance with its ETag, number the entry after the last one, write
/// entry + balance (+ origin guard, payment row, notice) in one transaction, and on a lost race read again and retry.
/// A conflict can also mean the entry's origin was posted already (a retried request, a redelivered webhook): then the
/// entry that origin posted is the answer, and nothing is posted twice.
/// </summary>
public sealed class LedgerWrites(ILedger ledger, StatementCalendar calendar)
{
    // Twenty payers at once: each round one wins, so the last may lose nineteen times; every try is two requests.
    private const int Attempts = 32;

    /// <summary>Builds what to post from the account as it stands (or refuses); called again after a lost race.</summary>
    public delegate Task<Result<LedgerPosting>> Build(BillingAccount account, long sequence);

    /// <summary>The posted entry (or the one its origin posted before, with <c>Existing</c> true); 404 when there is no such chart.</summary>
    public async Task<Result<(LedgerEntry Entry, BillingAccount Account, bool Existing)>> PostAsync(
        string patientId, string currency, string origin, Build build, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var found = await ledger.FindAccountAsync(patientId, currency, cancellationToken);
            if (found is not { } current)
            {
                return Failure.NotFound("The patient");
            }

            var built = await build(current.Account, current.Account.LastSequence + 1);
            if (!built.Succeeded)
            {
                return built.Failure;
            }

            // A balance that opens joins the statement index (index first); one that was open is there already.
            var opens = !current.Account.Balance.IsPositive && built.Value.Account.Balance.IsPositive;
            var posting = built.Value with { Due = opens ? calendar.NextCloseAfter(built.Value.Entry.PostedAt) : null };
            try
            {
                await ledger.PostAsync(posting, current.ETag, cancellationToken);
                return (posting.Entry, posting.Account, false);
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                if (await ledger.FindByOriginAsync(patientId, origin, cancellationToken) is { } earlier)
                {
                    var account = await ledger.FindAccountAsync(patientId, currency, cancellationToken);
                    return (earlier, account!.Value.Account, true);
                }
            }
        }
    }
}
