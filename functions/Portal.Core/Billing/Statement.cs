namespace Portal.Core.Billing;

/// <summary>
/// A monthly statement, immutable once issued: it covers ledger entries <see cref="FromSequence"/> to
/// <see cref="ToSequence"/> (entries are immutable too, so its lines never change) and keeps its totals and PDF.
/// </summary>
/// <param name="PatientId">Whose statement.</param>
/// <param name="StatementId">The cycle it closed, e.g. <c>2026-11</c>.</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="StatementDate">The clinic-local date on it.</param>
/// <param name="DueDate">When payment is due.</param>
/// <param name="FromSequence">The first entry it covers (the one after the previous statement's last).</param>
/// <param name="ToSequence">The last entry it covers.</param>
/// <param name="PreviousBalance">The balance the previous statement left.</param>
/// <param name="Charges">New charges and refunds in the period (raise the balance).</param>
/// <param name="Credits">Payments, adjustments and write-offs in the period (lower it), as a positive amount.</param>
/// <param name="BalanceDue">The balance at issue: previous + charges − credits.</param>
/// <param name="PdfPath">The PDF's blob name.</param>
/// <param name="PayLinkId">The id of its pay-without-login link, if one was made.</param>
public sealed record Statement(
    string PatientId,
    string StatementId,
    DateTimeOffset IssuedAt,
    DateOnly StatementDate,
    DateOnly DueDate,
    long FromSequence,
    long ToSequence,
    Money PreviousBalance,
    Money Charges,
    Money Credits,
    Money BalanceDue,
    string PdfPath,
    string? PayLinkId);
