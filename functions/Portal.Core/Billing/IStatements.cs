using Portal.Core.Notifications;

namespace Portal.Core.Billing;

/// <summary>Port: issued statements in the patient's chart, and their PDFs (written once, never replaced).</summary>
public interface IStatements
{
    /// <summary>One statement, or null. One point read.</summary>
    Task<Statement?> FindAsync(string patientId, string statementId, CancellationToken cancellationToken);

    /// <summary>Every statement of the patient, newest first (twelve a year). One range query.</summary>
    Task<IReadOnlyList<Statement>> ListAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>The statement's PDF, or null when it is missing.</summary>
    Task<byte[]?> ReadPdfAsync(Statement statement, CancellationToken cancellationToken);

    /// <summary>
    /// Issues a statement: its PDF first (a new blob that is never overwritten), the notice's pending row, then one chart
    /// transaction with the statement, the account (ETag-guarded), the notice and the pay link. Throws
    /// <see cref="Common.ConcurrencyConflictException"/> when the account changed or the statement exists.
    /// </summary>
    Task IssueAsync(StatementIssue issue, CancellationToken cancellationToken);
}

/// <summary>Everything issuing a statement writes.</summary>
/// <param name="Statement">The statement (its <see cref="Statement.PdfPath"/> names the new PDF).</param>
/// <param name="Account">The account after it (the newest statement's figures).</param>
/// <param name="AccountETag">The account's ETag as read.</param>
/// <param name="Notice">"Your statement is ready".</param>
/// <param name="Pdf">The PDF's bytes.</param>
/// <param name="PayLink">The statement's pay-without-login link, or null.</param>
public sealed record StatementIssue(Statement Statement, BillingAccount Account, string AccountETag, Notice Notice, byte[] Pdf, PayLink? PayLink);

/// <summary>Port: the index of patients whose balance opened (<c>billing-open</c>), with when each is next due for a statement.</summary>
public interface IOpenBalances
{
    /// <summary>Rows due at <paramref name="now"/>, at most <paramref name="max"/>. One query of the index partition.</summary>
    Task<IReadOnlyList<OpenBalance>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Sets when the patient is next due.</summary>
    Task MoveAsync(string patientId, DateTimeOffset due, CancellationToken cancellationToken);

    /// <summary>Removes the row if it is unchanged since read (a balance that reopened meanwhile keeps it).</summary>
    Task DropAsync(OpenBalance row, CancellationToken cancellationToken);
}

/// <summary>A row of the open-balance index.</summary>
/// <param name="PatientId">The patient.</param>
/// <param name="Due">When the next statement is due.</param>
/// <param name="ETag">The row's version as read.</param>
public sealed record OpenBalance(string PatientId, DateTimeOffset Due, string ETag);

/// <summary>Port: renders a statement as a PDF.</summary>
public interface IStatementRenderer
{
    /// <summary>The PDF's bytes.</summary>
    byte[] Render(StatementDocument document);
}

/// <summary>What a statement's PDF shows.</summary>
/// <param name="Statement">Its figures.</param>
/// <param name="ClinicName">Who bills.</param>
/// <param name="ClinicPhone">Whom to call, or empty.</param>
/// <param name="PatientName">The patient (guarantor).</param>
/// <param name="AddressLines">Their mailing address, or none.</param>
/// <param name="Lines">The entries it covers, oldest first.</param>
/// <param name="PayUrl">Where to pay without signing in, or null.</param>
public sealed record StatementDocument(
    Statement Statement, string ClinicName, string ClinicPhone, string PatientName, IReadOnlyList<string> AddressLines, IReadOnlyList<LedgerEntry> Lines, string? PayUrl);
