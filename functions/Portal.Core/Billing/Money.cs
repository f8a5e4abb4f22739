using System.Globalization;
using System.Text.Json.Serialization;
using Portal.Core.Common;

namespace Portal.Core.Billing;

/// <summary>
/// An amount of money: a whole number of the currency's minor units (cents for USD) and the ISO 4217 code.
/// Never a float: amounts are read from decimal text digit by digit and added as integers, so nothing is rounded.
/// </summary>
/// <param name="Minor">Minor units; negative only for balances (a credit).</param>
/// <param name="Currency">Upper-case ISO 4217 code, e.g. <c>USD</c>.</param>
public readonly record struct Money(long Minor, string Currency)
{
    /// <summary>The largest amount one entry or payment may carry: 10,000,000 major units.</summary>
    public const long MaxMajor = 10_000_000;

    /// <summary>Zero in <paramref name="currency"/>.</summary>
    public static Money Zero(string currency) => new(0, currency);

    /// <summary>The sum; both must be in the same currency.</summary>
    public static Money operator +(Money left, Money right) => new(checked(left.Minor + Same(left, right).Minor), left.Currency);

    /// <summary>The difference; both must be in the same currency.</summary>
    public static Money operator -(Money left, Money right) => new(checked(left.Minor - Same(left, right).Minor), left.Currency);

    /// <summary>The negation.</summary>
    public static Money operator -(Money money) => new(-money.Minor, money.Currency);

    /// <summary>True for more than nothing.</summary>
    [JsonIgnore]
    public bool IsPositive => Minor > 0;

    /// <summary>
    /// Reads a positive amount written in major units, such as <c>125</c>, <c>125.5</c> or <c>125.50</c>: digits, at most one
    /// point and no more decimals than the currency has (<c>1.234</c> USD is refused, not rounded). No sign, exponent,
    /// thousands separator or currency symbol. Zero and amounts over <see cref="MaxMajor"/> are refused.
    /// </summary>
    /// <param name="text">The amount as the caller wrote it.</param>
    /// <param name="currency">The clinic's currency.</param>
    /// <param name="field">The field named in the error.</param>
    public static Result<Money> Parse(string? text, string currency, string field = "amount")
    {
        var digits = Currencies.MinorDigits(currency);
        if (string.IsNullOrEmpty(text))
        {
            return Failure.Invalid(field, "An amount such as 25.00 is required.");
        }

        var point = text.IndexOf('.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? "" : text[(point + 1)..];
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit) || (point >= 0 && fraction.Length == 0))
        {
            return Failure.Invalid(field, "Write the amount with digits and at most one decimal point, such as 25.00, with no sign or symbol.");
        }

        if (fraction.Length > digits)
        {
            return Failure.Invalid(field, digits == 0 ? $"{currency} amounts have no decimals." : $"{currency} amounts have at most {digits} decimals.");
        }

        var trimmed = whole.TrimStart('0');
        if (trimmed.Length > 8 || (trimmed.Length > 0 && long.Parse(trimmed, CultureInfo.InvariantCulture) > MaxMajor))
        {
            return Failure.Invalid(field, $"At most {MaxMajor.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        var scale = Currencies.Scale(currency);
        var minor = (trimmed.Length == 0 ? 0 : long.Parse(trimmed, CultureInfo.InvariantCulture)) * scale
            + (fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(digits, '0'), CultureInfo.InvariantCulture));
        if (minor > MaxMajor * scale)
        {
            return Failure.Invalid(field, $"At most {MaxMajor.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        return minor == 0 ? Failure.Invalid(field, "The amount must be more than zero.") : new Money(minor, currency);
    }

    /// <summary>The amount in major units with exactly the currency's decimals, e.g. <c>-12.50</c>: what <see cref="Parse"/> reads back.</summary>
    public string ToDecimalText()
    {
        var digits = Currencies.MinorDigits(Currency);
        var magnitude = Minor < 0 ? -(decimal)Minor : Minor;
        var scale = Currencies.Scale(Currency);
        var whole = (long)(magnitude / scale);
        var fraction = (long)(magnitude % scale);
        var text = digits == 0 ? whole.ToString(CultureInfo.InvariantCulture) : $"{whole.ToString(CultureInfo.InvariantCulture)}.{fraction.ToString(new string('0', digits), CultureInfo.InvariantCulture)}";
        return Minor < 0 ? "-" + text : text;
    }

    /// <summary>For people: the symbol, thousands separators and the currency's decimals, e.g. <c>$1,234.50</c> or <c>-$5.00</c>.</summary>
    public override string ToString()
    {
        var text = ToDecimalText().TrimStart('-');
        var point = text.IndexOf('.');
        var whole = point < 0 ? text : text[..point];
        var grouped = long.Parse(whole, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture);
        return (Minor < 0 ? "-" : "") + Currencies.Symbol(Currency) + grouped + (point < 0 ? "" : text[point..]);
    }

    private static Money Same(Money left, Money right) =>
        left.Currency == right.Currency ? right : throw new InvalidOperationException($"Cannot combine {left.Currency} with {right.Currency}.");
}
