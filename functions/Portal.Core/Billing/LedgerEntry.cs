namespace Portal.Core.Billing;

/// <summary>
/// One immutable line of a patient's ledger. Entries are numbered 1, 2, 3 … per patient in the order they were
/// posted (the stored balance counts them), so a statement covers a range of numbers and a replay is a plain sum.
/// </summary>
/// <param name="PatientId">The patient (guarantor) whose ledger it is.</param>
/// <param name="Sequence">Its number in the ledger, from 1, without gaps.</param>
/// <param name="Kind">What it records.</param>
/// <param name="Amount">How much, always positive; <see cref="Effect"/> gives the direction.</param>
/// <param name="Effect">What it does to the balance, signed (a charge +, a payment −).</param>
/// <param name="PostedAt">When it was posted.</param>
/// <param name="Description">Plain-language words for the patient, e.g. "Office visit, established patient".</param>
/// <param name="ServiceDate">The date of service (charges), else null.</param>
/// <param name="VisitId">The visit a charge belongs to, if any.</param>
/// <param name="Code">The CPT or HCPCS code of a charge, e.g. <c>99213</c>.</param>
/// <param name="Reason">Why it was posted (staff entries and reversals), for the billing office and the audit.</param>
/// <param name="PostedBy">Who posted it: the staff member's subject, or <c>provider:stripe</c> for a payment the provider reported.</param>
/// <param name="PostedByName">Their display name at the time.</param>
/// <param name="Reverses">The entry a reversal undoes.</param>
/// <param name="PaymentReference">The provider's payment id (a Stripe PaymentIntent) for card payments and their refunds.</param>
/// <param name="Origin">What caused it, unique in the ledger (an Idempotency-Key, a PaymentIntent, a refund, a reversal): a cause posts once.</param>
/// <param name="ReversedKind">For a reversal: the kind of the entry it undoes.</param>
public sealed record LedgerEntry(
    string PatientId,
    long Sequence,
    LedgerEntryKind Kind,
    Money Amount,
    Money Effect,
    DateTimeOffset PostedAt,
    string Description,
    DateOnly? ServiceDate,
    string? VisitId,
    string? Code,
    string? Reason,
    string PostedBy,
    string? PostedByName,
    long? Reverses,
    string? PaymentReference,
    string Origin,
    LedgerEntryKind? ReversedKind = null);
