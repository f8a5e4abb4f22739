using Portal.Core.Common;

namespace Portal.Core.Billing;

/// <summary>How much a patient may pay online at once.</summary>
public static class PaymentRules
{
    /// <summary>The clinic's minimum, or the whole balance when that is smaller.</summary>
    public static Money Minimum(BillingOptions options, Money balance)
    {
        var minimum = Money.Parse(options.MinimumPayment, options.Currency, "Billing:MinimumPayment");
        var floor = minimum.Succeeded ? minimum.Value : new Money(1, options.Currency);
        return balance.IsPositive && balance.Minor < floor.Minor ? balance : floor;
    }

    /// <summary>
    /// Checks an online payment against the balance: nothing to pay on a zero or credit balance (409), and between the
    /// minimum and the balance (400 on <c>amount</c>).
    /// </summary>
    public static Failure? Check(BillingOptions options, Money balance, Money amount)
    {
        if (!balance.IsPositive)
        {
            return new Failure(FailureKind.Conflict, "There is nothing to pay: the balance is zero or a credit.");
        }

        var minimum = Minimum(options, balance);
        return amount.Minor < minimum.Minor || amount.Minor > balance.Minor
            ? Failure.Invalid("amount", $"Between {minimum} and the balance, {balance}.")
            : null;
    }
}
