using Portal.Core.Billing;

namespace Portal.Tests.Billing;

public class MoneyTests
{
    [Theory]
    [InlineData("125", 12500)]
    [InlineData("125.5", 12550)]
    [InlineData("125.50", 12550)]
    [InlineData("0.01", 1)]
    [InlineData("007.10", 710)]
    [InlineData("10000000", 1_000_000_000)]
    [InlineData("10000000.00", 1_000_000_000)]
    public void Reads_major_units_into_exact_minor_units(string text, long minor) =>
        Assert.Equal(new Money(minor, "USD"), Money.Parse(text, "USD").Value);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("-1.00")]
    [InlineData("+1.00")]
    [InlineData("1.234")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e3")]
    [InlineData("1,000.00")]
    [InlineData("$5")]
    [InlineData(" 5")]
    [InlineData("5 ")]
    [InlineData("1.2.3")]
    [InlineData("١٢")]
    [InlineData("10000000.01")]
    [InlineData("99999999999999999999")]
    public void Refuses_anything_but_a_positive_amount_with_at_most_the_currencys_decimals(string? text)
    {
        var parsed = Money.Parse(text, "USD");

        Assert.False(parsed.Succeeded);
        Assert.Contains("amount", parsed.Failure.Errors!.Keys);
    }

    [Fact]
    public void A_currency_without_minor_units_refuses_decimals()
    {
        Assert.Equal(new Money(1500, "JPY"), Money.Parse("1500", "JPY").Value);
        Assert.False(Money.Parse("1500.5", "JPY").Succeeded);
    }

    [Theory]
    [InlineData(123450, "$1,234.50", "1234.50")]
    [InlineData(-500, "-$5.00", "-5.00")]
    [InlineData(0, "$0.00", "0.00")]
    [InlineData(7, "$0.07", "0.07")]
    public void Writes_for_people_and_for_parsing_back(long minor, string text, string decimalText)
    {
        var money = new Money(minor, "USD");

        Assert.Equal((text, decimalText), (money.ToString(), money.ToDecimalText()));
        if (minor > 0)
        {
            Assert.Equal(money, Money.Parse(decimalText, "USD").Value);
        }
    }

    [Fact]
    public void Adds_in_one_currency_only()
    {
        Assert.Equal(new Money(150, "USD"), new Money(100, "USD") + new Money(50, "USD"));
        Assert.Throws<InvalidOperationException>(() => new Money(100, "USD") + new Money(50, "EUR"));
    }
}
