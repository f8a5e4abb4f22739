namespace Portal.Core.Billing;

/// <summary>What the ledger needs to know of a currency: its ISO 4217 code, how many minor units it has, its symbol.</summary>
public static class Currencies
{
    // The currencies a clinic may bill in. Stripe uses the same minor units for these (USD cents, JPY yen).
    private static readonly Dictionary<string, (int Digits, string Symbol)> Known = new(StringComparer.Ordinal)
    {
        ["USD"] = (2, "$"),
        ["CAD"] = (2, "CA$"),
        ["EUR"] = (2, "€"),
        ["GBP"] = (2, "£"),
        ["AUD"] = (2, "A$"),
        ["MXN"] = (2, "MX$"),
        ["JPY"] = (0, "¥"),
    };

    /// <summary>True for a currency the ledger can keep.</summary>
    public static bool IsKnown(string? code) => code is not null && Known.ContainsKey(code);

    /// <summary>Decimals of the currency (2 for USD, 0 for JPY).</summary>
    public static int MinorDigits(string code) => Known.TryGetValue(code, out var c) ? c.Digits : throw new ArgumentException($"Unknown currency {code}.", nameof(code));

    /// <summary>Minor units in one major unit (100 for USD).</summary>
    public static long Scale(string code) => MinorDigits(code) switch { 0 => 1, 1 => 10, 2 => 100, _ => 1000 };

    /// <summary>The symbol written before amounts.</summary>
    public static string Symbol(string code) => Known[code].Symbol;
}
