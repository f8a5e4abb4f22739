using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Core.Billing;

/// <summary>
/// Port: a patient's ledger in their chart partition: the stored balance (<see cref="BillingAccount"/>), the entries,
/// one guard per entry's origin (so a cause posts once), and the card payments the provider reported. Every post is
/// one entity-group transaction; the open-balance index is written first ("index first, then the chart").
/// </summary>
public interface ILedger
{
    /// <summary>
    /// The account with its ETag; an empty account with a null ETag when the chart exists but nothing was posted yet;
    /// null when there is no such patient. One point read (two for a ledger never posted to).
    /// </summary>
    Task<(BillingAccount Account, string? ETag)?> FindAccountAsync(string patientId, string currency, CancellationToken cancellationToken);

    /// <summary>
    /// Posts <see cref="LedgerPosting.Entry"/> with the account it leads to, in one transaction: the entry, its origin guard,
    /// the account (inserted when <paramref name="accountETag"/> is null, else replaced if it still matches), and the
    /// posting's payment row and notice. Throws <see cref="ConcurrencyConflictException"/> when the account changed or the
    /// origin was posted before.
    /// </summary>
    Task PostAsync(LedgerPosting posting, string? accountETag, CancellationToken cancellationToken);

    /// <summary>Replaces the account row alone if <paramref name="eTag"/> still matches (a payment plan); throws <see cref="ConcurrencyConflictException"/> when stale.</summary>
    Task SaveAccountAsync(BillingAccount account, string eTag, CancellationToken cancellationToken);

    /// <summary>The entry an origin posted, or null. One point read, one more when found.</summary>
    Task<LedgerEntry?> FindByOriginAsync(string patientId, string origin, CancellationToken cancellationToken);

    /// <summary>One entry by number, or null.</summary>
    Task<LedgerEntry?> FindAsync(string patientId, long sequence, CancellationToken cancellationToken);

    /// <summary>Entries <paramref name="fromSequence"/> to <paramref name="toSequence"/> inclusive, oldest first. One range query.</summary>
    Task<IReadOnlyList<LedgerEntry>> RangeAsync(string patientId, long fromSequence, long toSequence, CancellationToken cancellationToken);

    /// <summary>One page of entries, newest first.</summary>
    Task<Page<LedgerEntry>> ListAsync(string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>A card payment the provider reported, with its ETag, or null.</summary>
    Task<(CardPayment Payment, string ETag)?> FindPaymentAsync(string patientId, string paymentReference, CancellationToken cancellationToken);

    /// <summary>The patient a card payment was posted for (from the payments index), or null when none was posted yet.</summary>
    Task<string?> PatientOfPaymentAsync(string paymentReference, CancellationToken cancellationToken);
}

/// <summary>Everything one post writes together.</summary>
/// <param name="Entry">The new entry (the next number).</param>
/// <param name="Account">The account after it.</param>
/// <param name="Payment">A card payment row to insert (a payment) or replace (a refund against it), with the ETag read; or null.</param>
/// <param name="Notice">A notice the entry causes, or null.</param>
/// <param name="Due">When the open-balance index should next consider the patient for a statement, or null to leave the index alone.</param>
public sealed record LedgerPosting(LedgerEntry Entry, BillingAccount Account, (CardPayment Payment, string? ETag)? Payment = null, Notice? Notice = null, DateTimeOffset? Due = null);

/// <summary>A card payment as the provider reported it, and how much of it was refunded so far.</summary>
/// <param name="PatientId">Whose ledger it was posted to.</param>
/// <param name="PaymentReference">The provider's payment id (a Stripe PaymentIntent).</param>
/// <param name="Amount">What was paid.</param>
/// <param name="Refunded">What was refunded so far (the provider's running total).</param>
/// <param name="PaidSequence">The ledger entry of the payment.</param>
public sealed record CardPayment(string PatientId, string PaymentReference, Money Amount, Money Refunded, long PaidSequence);
