namespace Portal.Core.Billing;

/// <summary>
/// A payment plan: the balance when the patient chose it, split into monthly instalments. It is kept in the account
/// row, so every payment that counts toward it moves in the same transaction; charging saved cards is out of scope.
/// </summary>
/// <param name="CreatedAt">When the patient chose it.</param>
/// <param name="Total">The balance it covers.</param>
/// <param name="PaidAtStart">The account's <see cref="BillingAccount.PatientPaid"/> then: payments after it count toward the plan.</param>
/// <param name="Instalments">The schedule, first due first.</param>
/// <param name="ChosenBy">Who chose it (the patient or a caregiver).</param>
public sealed record PaymentPlan(DateTimeOffset CreatedAt, Money Total, Money PaidAtStart, IReadOnlyList<PlanInstalment> Instalments, string ChosenBy);

/// <summary>One instalment.</summary>
/// <param name="Number">1, 2, 3 …</param>
/// <param name="DueDate">The clinic-local date it is due.</param>
/// <param name="Amount">How much.</param>
public sealed record PlanInstalment(int Number, DateOnly DueDate, Money Amount);

/// <summary>Where an instalment stands.</summary>
public enum InstalmentStatus
{
    /// <summary>Paid (payments since the plan began cover it and those before it).</summary>
    Paid,

    /// <summary>Not yet due.</summary>
    Upcoming,

    /// <summary>Past its due date and not paid: missed (the billing office sees it).</summary>
    Missed,
}

/// <summary>The plan as it stands on a day.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Paid">What was paid toward it.</param>
/// <param name="Statuses">Each instalment's status, in order.</param>
public sealed record PlanProgress(PaymentPlan Plan, Money Paid, IReadOnlyList<InstalmentStatus> Statuses)
{
    /// <summary>True once everything is paid.</summary>
    public bool Completed => Paid.Minor >= Plan.Total.Minor;

    /// <summary>How many instalments are missed.</summary>
    public int Missed => Statuses.Count(s => s == InstalmentStatus.Missed);
}
