using System.Text.Json.Serialization;

namespace Portal.Core.Billing;

/// <summary>
/// The stored balance of a patient's ledger, rewritten in the same entity-group transaction as every entry
/// (ETag-guarded), so it always equals the sum of the entries and is never recomputed by a scan.
/// </summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Balance">What the patient owes; negative is a credit.</param>
/// <param name="LastSequence">The number of the newest entry (0 before the first).</param>
/// <param name="LastPostedAt">When the newest entry was posted.</param>
/// <param name="LastStatementId">The newest statement, if any.</param>
/// <param name="LastStatementSequence">The newest entry that statement covers (0 when none).</param>
/// <param name="StatementDue">What the newest statement asked for, less patient payments since (never below zero).</param>
/// <param name="StatementDueDate">When the newest statement is due.</param>
/// <param name="PatientPaid">Everything the patient paid, less refunds and reversed payments: what payment plans count.</param>
/// <param name="Plan">The patient's payment plan, if they chose one.</param>
public sealed record BillingAccount(
    string PatientId,
    Money Balance,
    long LastSequence,
    DateTimeOffset? LastPostedAt,
    string? LastStatementId,
    long LastStatementSequence,
    Money StatementDue,
    DateOnly? StatementDueDate,
    Money PatientPaid,
    PaymentPlan? Plan = null)
{
    /// <summary>A ledger with no entries yet.</summary>
    public static BillingAccount Empty(string patientId, string currency) =>
        new(patientId, Money.Zero(currency), 0, null, null, 0, Money.Zero(currency), null, Money.Zero(currency));

    /// <summary>What is still due on the newest statement: its amount less patient payments since, never more than the balance.</summary>
    [JsonIgnore]
    public Money AmountDue => new(Math.Max(0, Math.Min(StatementDue.Minor, Balance.Minor)), Balance.Currency);

    /// <summary>The account once <paramref name="entry"/> (the next in sequence) is posted.</summary>
    public BillingAccount After(LedgerEntry entry)
    {
        if (entry.Sequence != LastSequence + 1)
        {
            throw new InvalidOperationException($"Entry {entry.Sequence} does not follow {LastSequence}.");
        }

        var due = StatementDue;
        if (LedgerRules.IsPayment(entry.Kind))
        {
            due = new Money(Math.Max(0, due.Minor - entry.Amount.Minor), due.Currency);
        }

        var paid = (entry.Kind, entry.ReversedKind) switch
        {
            (LedgerEntryKind.PatientPayment, _) or (LedgerEntryKind.Reversal, LedgerEntryKind.Refund) => PatientPaid + entry.Amount,
            (LedgerEntryKind.Refund, _) or (LedgerEntryKind.Reversal, LedgerEntryKind.PatientPayment) => PatientPaid - entry.Amount,
            _ => PatientPaid,
        };
        return this with { Balance = Balance + entry.Effect, LastSequence = entry.Sequence, LastPostedAt = entry.PostedAt, StatementDue = due, PatientPaid = paid };
    }
}
