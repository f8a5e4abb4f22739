using System.ComponentModel;
using System.Globalization;
using Portal.Core.Billing;

namespace Portal.Functions.Billing;

/// <summary>An amount as the API writes it: exact minor units, the currency, and the text to show.</summary>
/// <param name="Minor">Whole minor units (cents for USD); negative for a credit.</param>
/// <param name="Currency">ISO 4217 code.</param>
/// <param name="Text">For people, e.g. <c>$1,234.50</c>.</param>
public sealed record Amount(
    [property: Description("Whole minor units (cents for USD); negative for a credit. Exact: add these, never the text.")] long Minor,
    string Currency,
    [property: Description("For people, e.g. \"$1,234.50\".")] string Text)
{
    internal static Amount From(Money money) => new(money.Minor, money.Currency, money.ToString());
}

/// <summary>One ledger entry.</summary>
public sealed record LedgerEntryView(
    [property: Description("The entry's number in the ledger (1, 2, 3 …), as text.")] string EntryId,
    LedgerEntryKind Kind,
    [property: Description("Always positive; `effect` says which way it moved the balance.")] Amount Amount,
    [property: Description("What it did to the balance: positive raises it, negative lowers it.")] Amount Effect,
    DateTimeOffset PostedAt,
    string Description,
    DateOnly? ServiceDate,
    string? VisitId,
    [property: Description("The CPT or HCPCS code of a charge.")] string? Code,
    [property: Description("Why the billing office posted it.")] string? Reason,
    [property: Description("Who posted it (a name), or the payment provider.")] string? PostedBy,
    [property: Description("For a reversal: the entry it undoes.")] string? Reverses)
{
    internal static LedgerEntryView From(LedgerEntry e) => new(
        Id(e.Sequence), e.Kind, Amount.From(e.Amount), Amount.From(e.Effect), e.PostedAt, e.Description, e.ServiceDate, e.VisitId, e.Code, e.Reason,
        e.PostedByName ?? e.PostedBy, e.Reverses is { } reversed ? Id(reversed) : null);

    private static string Id(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One page of ledger entries, newest first.</summary>
public sealed record ActivityPage(IReadOnlyList<LedgerEntryView> Items, string? ContinuationToken);

/// <summary>A statement as listed.</summary>
public sealed record StatementSummary(
    string StatementId, DateOnly StatementDate, DateOnly DueDate, Amount BalanceDue,
    [property: Description("Where to download the PDF.")] string PdfUrl)
{
    internal static StatementSummary From(Statement s) => new(
        s.StatementId, s.StatementDate, s.DueDate, Amount.From(s.BalanceDue), $"/api/patients/{s.PatientId}/billing/statements/{s.StatementId}/pdf");
}

/// <summary>The bill at a glance.</summary>
public sealed record BillingView(
    [property: Description("What is owed now; negative is a credit the clinic holds.")] Amount Balance,
    [property: Description("What is still due on the newest statement (less payments since, never more than the balance).")] Amount AmountDue,
    DateOnly? DueDate,
    StatementSummary? LastStatement,
    [property: Description("The smallest online payment accepted now.")] Amount MinimumPayment,
    [property: Description("Entries since the newest statement, newest first (at most 50).")] IReadOnlyList<LedgerEntryView> OpenItems,
    [property: Description("The payment plan, if the patient chose one.")] PlanView? Plan)
{
    internal static BillingView From(BillingSummary summary) => new(
        Amount.From(summary.Account.Balance), Amount.From(summary.Account.AmountDue), summary.Account.StatementDueDate,
        summary.LastStatement is { } last ? StatementSummary.From(last) : null, Amount.From(summary.MinimumPayment),
        [.. summary.OpenItems.Select(LedgerEntryView.From)], summary.Plan is { } plan ? PlanView.From(plan) : null);
}

/// <summary>A payment plan and where each instalment stands.</summary>
public sealed record PlanView(
    DateTimeOffset ChosenAt,
    [property: Description("The balance it covers.")] Amount Total,
    [property: Description("Paid toward it since it began.")] Amount Paid,
    bool Completed,
    [property: Description("Instalments past their due date and not paid.")] int Missed,
    IReadOnlyList<InstalmentView> Instalments)
{
    internal static PlanView From(PlanProgress progress) => new(
        progress.Plan.CreatedAt, Amount.From(progress.Plan.Total), Amount.From(progress.Paid), progress.Completed, progress.Missed,
        [.. progress.Plan.Instalments.Zip(progress.Statuses, (i, s) => new InstalmentView(i.Number, i.DueDate, Amount.From(i.Amount), s))]);
}

/// <summary>One instalment of a plan.</summary>
public sealed record InstalmentView(int Number, DateOnly DueDate, Amount Amount, InstalmentStatus Status);
