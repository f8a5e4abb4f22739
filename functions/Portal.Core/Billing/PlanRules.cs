using Portal.Core.Common;

namespace Portal.Core.Billing;

/// <summary>How a payment plan is split and how its instalments stand.</summary>
public static class PlanRules
{
    /// <summary>
    /// Splits <paramref name="total"/> into <paramref name="count"/> monthly instalments from <paramref name="firstDue"/>: equal
    /// whole minor units, the leftover cents on the first ones, so they add up exactly. Each must reach the clinic's minimum.
    /// </summary>
    public static Result<PlanInstalment[]> Split(Money total, int count, DateOnly firstDue, BillingOptions options)
    {
        if (count < options.PlanMinInstalments || count > options.PlanMaxInstalments)
        {
            return Failure.Invalid("instalments", $"Between {options.PlanMinInstalments} and {options.PlanMaxInstalments} monthly instalments.");
        }

        var share = total.Minor / count;
        var left = total.Minor % count;
        var minimum = PaymentRules.Minimum(options, total);
        if (share < minimum.Minor)
        {
            return Failure.Invalid("instalments", $"Each instalment would be under the {minimum} minimum; choose fewer instalments.");
        }

        return Enumerable.Range(1, count)
            .Select(n => new PlanInstalment(n, firstDue.AddMonths(n - 1), new Money(share + (n <= left ? 1 : 0), total.Currency)))
            .ToArray();
    }

    /// <summary>Where the plan stands on <paramref name="today"/> given the account's payments.</summary>
    public static PlanProgress Progress(PaymentPlan plan, BillingAccount account, DateOnly today)
    {
        var paid = account.PatientPaid - plan.PaidAtStart;
        var cumulative = 0L;
        var statuses = new List<InstalmentStatus>();
        foreach (var instalment in plan.Instalments)
        {
            cumulative += instalment.Amount.Minor;
            statuses.Add(paid.Minor >= cumulative ? InstalmentStatus.Paid : instalment.DueDate < today ? InstalmentStatus.Missed : InstalmentStatus.Upcoming);
        }

        return new PlanProgress(plan, paid, statuses);
    }
}
