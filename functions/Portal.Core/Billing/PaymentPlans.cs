using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Billing;

/// <summary>
/// Use cases: the patient (or a caregiver with <c>billing.write</c>) chooses to pay the balance in monthly instalments
/// (the clinic's range, 2 to 6); the patient's side and the billing office see the schedule and which instalments were
/// missed. The plan is written into the account row under its ETag.
/// </summary>
public sealed class PaymentPlans(ILedger ledger, ChartAccess access, IOptions<BillingOptions> billing, StatementCalendar calendar, TimeProvider clock)
{
    private const int Attempts = 5;

    /// <summary>The plan as it stands today; 404 when the patient has none.</summary>
    public async Task<Result<PlanProgress>> GetAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Billing), $"patients/{patientId}/billing/plan", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var account = (await ledger.FindAccountAsync(patientId, billing.Value.Currency, cancellationToken))?.Account;
        await access.RecordAsync(visit.Value, account?.Plan is null ? AuditOutcome.Failed : AuditOutcome.Success, cancellationToken);
        return account?.Plan is { } plan ? PlanRules.Progress(plan, account, Today()) : Failure.NotFound("A payment plan");
    }

    /// <summary>Starts a plan for the whole balance; 400 instalments, 403 staff, 404, 409 nothing owed or a plan still running.</summary>
    public async Task<Result<PlanProgress>> StartAsync(Caller caller, string patientId, int instalments, CancellationToken cancellationToken)
    {
        var visit = await access.OpenForPayerAsync(caller, patientId, $"patients/{patientId}/billing/plan", "A payment plan is chosen by the patient or their caregiver.", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = await ChooseAsync(visit.Value, instalments, cancellationToken);
        await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    private async Task<Result<PlanProgress>> ChooseAsync(ChartVisit visit, int instalments, CancellationToken cancellationToken)
    {
        var today = Today();
        for (var attempt = 1; ; attempt++)
        {
            if (await ledger.FindAccountAsync(visit.PatientId, billing.Value.Currency, cancellationToken) is not { } found)
            {
                return Failure.NotFound("The patient");
            }

            var account = found.Account;
            if (!account.Balance.IsPositive || found.ETag is null)
            {
                return new Failure(FailureKind.Conflict, "There is nothing to pay in instalments: the balance is zero or a credit.");
            }

            if (account.Plan is { } running && !PlanRules.Progress(running, account, today).Completed)
            {
                return new Failure(FailureKind.Conflict, "A payment plan is already running; it ends when it is paid.");
            }

            // The first instalment is due when the statement is (or in a month without one); the rest monthly after it.
            var firstDue = account.StatementDueDate is { } due && due >= today ? due : today.AddMonths(1);
            var split = PlanRules.Split(account.Balance, instalments, firstDue, billing.Value);
            if (!split.Succeeded)
            {
                return split.Failure;
            }

            var plan = new PaymentPlan(clock.GetUtcNow(), account.Balance, account.PatientPaid, split.Value, visit.Caller.Subject);
            var changed = account with { Plan = plan };
            try
            {
                await ledger.SaveAccountAsync(changed, found.ETag, cancellationToken);
                return PlanRules.Progress(plan, changed, today);
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
            }
        }
    }

    private DateOnly Today() => calendar.ClinicDate(clock.GetUtcNow());
}
