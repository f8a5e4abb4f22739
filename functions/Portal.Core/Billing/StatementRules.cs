namespace Portal.Core.Billing;

/// <summary>How a statement's figures follow from the account and the entries since the previous statement.</summary>
public static class StatementRules
{
    /// <summary>
    /// The statement closing <paramref name="entries"/> (the account's entries after its previous statement, oldest
    /// first): the previous balance is the balance less what they did; charges and refunds raise it, the rest lowers it.
    /// </summary>
    public static Statement Build(
        BillingAccount account, IReadOnlyList<LedgerEntry> entries, string statementId, DateTimeOffset issuedAt, DateOnly statementDate, int dueDays, string pdfPath, string? payLinkId)
    {
        var zero = Money.Zero(account.Balance.Currency);
        var charges = entries.Where(e => e.Effect.IsPositive).Aggregate(zero, (sum, e) => sum + e.Effect);
        var credits = entries.Where(e => e.Effect.Minor < 0).Aggregate(zero, (sum, e) => sum - e.Effect);
        return new Statement(
            account.PatientId, statementId, issuedAt, statementDate, statementDate.AddDays(dueDays),
            account.LastStatementSequence + 1, account.LastSequence, account.Balance - charges + credits, charges, credits, account.Balance, pdfPath, payLinkId);
    }

    /// <summary>The account once <paramref name="statement"/> is issued: it asks for the whole balance by the due date.</summary>
    public static BillingAccount Issued(BillingAccount account, Statement statement) => account with
    {
        LastStatementId = statement.StatementId,
        LastStatementSequence = statement.ToSequence,
        StatementDue = statement.BalanceDue,
        StatementDueDate = statement.DueDate,
    };
}
