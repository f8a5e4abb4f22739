using Portal.Core.Billing;

namespace Portal.Tests.Billing;

public class LedgerRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData(LedgerEntryKind.Charge, 1000)]
    [InlineData(LedgerEntryKind.Refund, 1000)]
    [InlineData(LedgerEntryKind.InsurancePayment, -1000)]
    [InlineData(LedgerEntryKind.Adjustment, -1000)]
    [InlineData(LedgerEntryKind.PatientPayment, -1000)]
    [InlineData(LedgerEntryKind.WriteOff, -1000)]
    public void Each_kind_moves_the_balance_its_way(LedgerEntryKind kind, long effect) =>
        Assert.Equal(effect, LedgerRules.Effect(kind, new Money(1000, "USD")).Minor);

    [Theory]
    [InlineData("99213", true)]
    [InlineData("0001F", true)]
    [InlineData("G0439", true)]
    [InlineData("J1100", true)]
    [InlineData("9921", false)]
    [InlineData("992133", false)]
    [InlineData("g0439", false)]
    [InlineData("GG439", false)]
    public void Charges_need_a_cpt_or_hcpcs_code(string code, bool valid) =>
        Assert.Equal(valid, LedgerRules.Validate(new NewLedgerEntry(LedgerEntryKind.Charge, "10.00", "Visit", Today, null, code, "Coded"), Today).IsEmpty);

    [Fact]
    public void A_charge_needs_a_date_of_service_not_in_the_future_and_words()
    {
        var errors = LedgerRules.Validate(new NewLedgerEntry(LedgerEntryKind.Charge, "10.00", null, Today.AddDays(1), null, "99213", "r"), Today).ToFailure()!;

        Assert.Equal(["description", "serviceDate"], errors.Errors!.Keys.Order());
    }

    [Fact]
    public void Every_entry_needs_a_reason_and_only_charges_carry_a_code_and_only_reversals_name_an_entry()
    {
        var errors = LedgerRules.Validate(new NewLedgerEntry(LedgerEntryKind.Adjustment, "10.00", null, null, null, "99213", null, 3), Today).ToFailure()!;

        Assert.Equal(["code", "reason", "reverses"], errors.Errors!.Keys.Order());
        Assert.True(LedgerRules.Validate(new NewLedgerEntry(LedgerEntryKind.Reversal, Reason: "Wrong patient", Reverses: 3), Today).IsEmpty);
    }

    [Fact]
    public void The_account_after_an_entry_holds_the_new_balance_and_what_the_patient_paid()
    {
        var account = BillingAccount.Empty("p", "USD") with { StatementDue = new Money(5000, "USD") };
        LedgerEntry Entry(long sequence, LedgerEntryKind kind, long amount, LedgerEntryKind? reversed = null) =>
            new("p", sequence, kind, new Money(amount, "USD"), kind == LedgerEntryKind.Reversal ? new Money(amount, "USD") : LedgerRules.Effect(kind, new Money(amount, "USD")),
                DateTimeOffset.UnixEpoch, "d", null, null, null, null, "b", null, null, null, $"o{sequence}", reversed);

        account = account.After(Entry(1, LedgerEntryKind.Charge, 8000));
        account = account.After(Entry(2, LedgerEntryKind.PatientPayment, 3000));
        account = account.After(Entry(3, LedgerEntryKind.Reversal, 3000, LedgerEntryKind.PatientPayment));

        Assert.Equal((8000L, 3L, 0L, 2000L), (account.Balance.Minor, account.LastSequence, account.PatientPaid.Minor, account.StatementDue.Minor));
        Assert.Throws<InvalidOperationException>(() => account.After(Entry(5, LedgerEntryKind.Charge, 1)));
    }
}
