using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Core.Profile;

namespace Portal.Core.Billing;

/// <summary>
/// Use case: the statement timer. Reads only the open-balance index rows that are due (patients whose balance opened;
/// never a scan of the charts), and for each patient who still owes closes this month's cycle: the statement of the
/// entries since the previous one, its PDF, a pay link, and a "Your statement is ready" notice written in the same
/// transaction. A patient who owes nothing leaves the index; one already closed this cycle is moved to the next.
/// </summary>
public sealed partial class CloseStatements(
    ILedger ledger,
    IStatements statements,
    IOpenBalances openBalances,
    IStatementRenderer renderer,
    IProfiles profiles,
    StatementCalendar calendar,
    PayLinkTokens tokens,
    INoticeQueue notices,
    IOptions<BillingOptions> billing,
    IOptions<ClinicOptions> clinic,
    TimeProvider clock,
    ILogger<CloseStatements> logger)
{
    /// <summary>The most patients one run closes; the rest stay due for the next run.</summary>
    public const int MaxPerRun = 200;

    private const int Attempts = 5;

    /// <summary>Closes what is due; returns how many statements were issued.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var issued = 0;
        foreach (var row in await openBalances.DueAsync(now, MaxPerRun, cancellationToken))
        {
            try
            {
                issued += await CloseAsync(row, now, cancellationToken) ? 1 : 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One patient's failure must not stop the others; the row stays due for the next run.
                LogCloseFailed(logger, e.GetType().Name);
            }
        }

        return issued;
    }

    private async Task<bool> CloseAsync(OpenBalance row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cycle = calendar.CycleAt(now);
        var statementId = StatementCalendar.CycleOf(cycle);
        var next = calendar.CloseOf(cycle.AddMonths(1));
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var found = await ledger.FindAccountAsync(row.PatientId, billing.Value.Currency, cancellationToken);
            if (found is not { Account.Balance.IsPositive: true, ETag: { } eTag })
            {
                await openBalances.DropAsync(row, cancellationToken);
                return false;
            }

            var account = found.Value.Account;
            if (account.LastStatementId == statementId)
            {
                await openBalances.MoveAsync(row.PatientId, next, cancellationToken);
                return false;
            }

            var issue = await PrepareAsync(account, eTag, statementId, now, cancellationToken);
            try
            {
                await statements.IssueAsync(issue, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // An entry posted meanwhile (close again with it), or another run issued this cycle (done).
                if (await statements.FindAsync(row.PatientId, statementId, cancellationToken) is not null)
                {
                    await openBalances.MoveAsync(row.PatientId, next, cancellationToken);
                    return false;
                }

                continue;
            }

            await notices.TryEnqueueAsync(issue.Notice, logger, cancellationToken);
            await openBalances.MoveAsync(row.PatientId, next, cancellationToken);
            return true;
        }

        return false;
    }

    private async Task<StatementIssue> PrepareAsync(BillingAccount account, string eTag, string statementId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entries = account.LastSequence > account.LastStatementSequence
            ? await ledger.RangeAsync(account.PatientId, account.LastStatementSequence + 1, account.LastSequence, cancellationToken)
            : [];
        var profile = (await profiles.FindAsync(account.PatientId, cancellationToken))?.Value;
        var link = new PayLink(PayLinkTokens.NewLinkId(), account.PatientId, statementId, now.AddDays(billing.Value.PayLinkDays));

        // A new PDF name per attempt: an issued statement's PDF is never overwritten.
        var pdfPath = $"{account.PatientId}/{statementId}-{Guid.NewGuid():N}.pdf";
        var statement = StatementRules.Build(
            account, entries, statementId, now, calendar.ClinicDate(now), billing.Value.StatementDueDays, pdfPath, link.LinkId);
        var portal = clinic.Value.PortalUrl.TrimEnd('/');
        var address = profile?.Address is { } a
            ? new[] { a.Line1, a.Line2, $"{a.City}{(a.State is null ? "" : ", " + a.State)} {a.PostalCode}" }.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!).ToList()
            : [];
        var pdf = renderer.Render(new StatementDocument(
            statement, clinic.Value.Name, clinic.Value.Phone, profile?.DisplayName ?? "", address, entries, $"{portal}/pay/{tokens.TokenOf(link)}"));
        var notice = Notice.Create(account.PatientId, NoticeKind.StatementReady, NoticeDetails.None, $"/billing/statements/{statementId}", now);
        return new StatementIssue(statement, StatementRules.Issued(account, statement), eTag, notice, pdf, link);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Closing a statement failed ({ExceptionType}); the patient stays due for the next run.")]
    private static partial void LogCloseFailed(ILogger logger, string exceptionType);
}
