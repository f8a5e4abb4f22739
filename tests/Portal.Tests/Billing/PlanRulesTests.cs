using Portal.Core.Billing;

namespace Portal.Tests.Billing;

public class PlanRulesTests
{
    private static readonly BillingOptions Options = new();

    [Fact]
    public void The_instalments_add_up_to_the_balance_exactly_the_extra_cents_first()
    {
        var split = PlanRules.Split(new Money(10000, "USD"), 3, new DateOnly(2027, 1, 31), Options).Value!;

        Assert.Equal([3334L, 3333L, 3333L], split.Select(i => i.Amount.Minor));
        Assert.Equal([new DateOnly(2027, 1, 31), new DateOnly(2027, 2, 28), new DateOnly(2027, 3, 31)], split.Select(i => i.DueDate));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Outside_the_clinics_range_is_refused(int count) =>
        Assert.Contains("instalments", PlanRules.Split(new Money(60000, "USD"), count, new DateOnly(2027, 1, 1), Options).Failure!.Errors!.Keys);

    [Fact]
    public void Instalments_under_the_minimum_payment_are_refused() =>
        Assert.False(PlanRules.Split(new Money(2000, "USD"), 6, new DateOnly(2027, 1, 1), Options).Succeeded);

    [Fact]
    public void Payments_since_the_plan_pay_instalments_in_order_and_a_past_unpaid_one_is_missed()
    {
        var plan = new PaymentPlan(DateTimeOffset.UnixEpoch, new Money(9000, "USD"), new Money(1000, "USD"),
            [new(1, new DateOnly(2027, 1, 10), new Money(3000, "USD")), new(2, new DateOnly(2027, 2, 10), new Money(3000, "USD")), new(3, new DateOnly(2027, 3, 10), new Money(3000, "USD"))], "p");
        var account = BillingAccount.Empty("p", "USD") with { PatientPaid = new Money(5000, "USD"), Plan = plan };

        var progress = PlanRules.Progress(plan, account, new DateOnly(2027, 2, 11));

        Assert.Equal([InstalmentStatus.Paid, InstalmentStatus.Missed, InstalmentStatus.Upcoming], progress.Statuses);
        Assert.Equal((4000L, 1, false), (progress.Paid.Minor, progress.Missed, progress.Completed));
    }
}
