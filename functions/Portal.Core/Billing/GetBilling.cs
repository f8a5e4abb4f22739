using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Billing;

/// <summary>Use case: the patient's bill at a glance: balance, newest statement and its due date, activity since it.</summary>
public sealed class GetBilling(ILedger ledger, IStatements statements, ChartAccess access, IOptions<BillingOptions> billing, StatementCalendar calendar, TimeProvider clock)
{
    /// <summary>The most open items shown; the activity list has the rest.</summary>
    public const int MaxOpenItems = 50;

    /// <summary>The summary; 403/404 per the policy.</summary>
    public async Task<Result<BillingSummary>> ExecuteAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Billing), $"patients/{patientId}/billing", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var currency = billing.Value.Currency;
        if (await ledger.FindAccountAsync(patientId, currency, cancellationToken) is not { } found)
        {
            await access.RecordAsync(visit.Value, AuditOutcome.Failed, cancellationToken);
            return Failure.NotFound("The patient");
        }

        var account = found.Account;
        var from = Math.Max(account.LastStatementSequence + 1, account.LastSequence - MaxOpenItems + 1);
        var open = account.LastSequence >= from ? await ledger.RangeAsync(patientId, from, account.LastSequence, cancellationToken) : [];
        var last = account.LastStatementId is { } id ? await statements.FindAsync(patientId, id, cancellationToken) : null;
        await access.RecordAsync(visit.Value, AuditOutcome.Success, cancellationToken);
        var today = calendar.ClinicDate(clock.GetUtcNow());
        return new BillingSummary(account, last, [.. open.Reverse()], PaymentRules.Minimum(billing.Value, account.Balance),
            account.Plan is { } plan ? PlanRules.Progress(plan, account, today) : null);
    }
}
