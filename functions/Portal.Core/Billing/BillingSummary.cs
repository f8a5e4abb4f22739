namespace Portal.Core.Billing;

/// <summary>What a patient's bill looks like now.</summary>
/// <param name="Account">The stored balance and the newest statement's figures.</param>
/// <param name="LastStatement">The newest statement, if any.</param>
/// <param name="OpenItems">Entries posted since the newest statement (at most <see cref="GetBilling.MaxOpenItems"/>, newest first).</param>
/// <param name="MinimumPayment">The smallest online payment the clinic takes now (the balance when it is smaller).</param>
/// <param name="Plan">The payment plan as it stands today, if there is one.</param>
public sealed record BillingSummary(BillingAccount Account, Statement? LastStatement, IReadOnlyList<LedgerEntry> OpenItems, Money MinimumPayment, PlanProgress? Plan);
