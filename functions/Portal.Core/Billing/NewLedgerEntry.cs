using System.ComponentModel;

namespace Portal.Core.Billing;

/// <summary>An entry the billing office posts. Card payments are not posted this way: they post when the provider confirms them.</summary>
/// <param name="Kind">charge, insurancePayment, adjustment, patientPayment (cash or check), refund (not by card), writeOff or reversal.</param>
/// <param name="Amount">In major units as text, e.g. <c>"125.00"</c>: digits and at most the currency's decimals; none for a reversal.</param>
/// <param name="Description">Plain-language words for the patient; required for charges.</param>
/// <param name="ServiceDate">The date of service; required for charges.</param>
/// <param name="VisitId">The visit a charge belongs to, if any.</param>
/// <param name="Code">The CPT or HCPCS code; required for charges, refused on other kinds.</param>
/// <param name="Reason">Why it is posted (kept with the entry for the billing office and the audit); required.</param>
/// <param name="Reverses">For a reversal: the number of the entry it undoes.</param>
public sealed record NewLedgerEntry(
    LedgerEntryKind Kind,
    [property: Description("In major units as text, e.g. \"125.00\"; never a JSON number. None for a reversal.")] string? Amount = null,
    string? Description = null,
    DateOnly? ServiceDate = null,
    string? VisitId = null,
    string? Code = null,
    string? Reason = null,
    long? Reverses = null);
