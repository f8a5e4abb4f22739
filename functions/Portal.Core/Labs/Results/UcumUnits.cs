using System.Globalization;

namespace Portal.Core.Labs.Results;

/// <summary>
/// Converts between UCUM units of the same kind, for the units labs use: mass, substance, equivalents, enzyme units,
/// counts (<c>10*3/uL</c> = <c>10*9/L</c>) per volume, and <c>%</c>. Units of different kinds (mg/dL and mmol/L need a
/// molar mass) are not converted.
/// </summary>
public static class UcumUnits
{
    private static readonly Dictionary<string, (decimal Factor, string Kind)> Atoms = new(StringComparer.Ordinal)
    {
        ["g"] = (1m, "g"),
        ["L"] = (1m, "L"),
        ["l"] = (1m, "L"),
        ["mol"] = (1m, "mol"),
        ["eq"] = (1m, "eq"),
        ["U"] = (1m, "U"),
        ["[IU]"] = (1m, "IU"),
        ["IU"] = (1m, "IU"),
        ["%"] = (0.01m, ""),
        ["1"] = (1m, ""),
    };

    private static readonly (string Prefix, decimal Factor)[] Prefixes =
        [("mc", 1e-6m), ("k", 1e3m), ("d", 0.1m), ("c", 0.01m), ("m", 1e-3m), ("u", 1e-6m), ("µ", 1e-6m), ("n", 1e-9m), ("p", 1e-12m), ("f", 1e-15m)];

    /// <summary>Converts <paramref name="value"/> from one unit to another when both are of the same kind.</summary>
    public static bool TryConvert(decimal value, string? from, string? to, out decimal converted)
    {
        converted = value;
        if (from is null || to is null)
        {
            return from == to;
        }

        if (string.Equals(from.Trim(), to.Trim(), StringComparison.Ordinal))
        {
            return true;
        }

        if (!TryParse(from, out var a) || !TryParse(to, out var b) || a.Kind != b.Kind)
        {
            return false;
        }

        converted = Round(value * a.Factor / b.Factor);
        return true;
    }

    /// <summary>The unit's factor to its base and its kind (e.g. mg/dL → 0.01, <c>g/L</c>).</summary>
    public static bool TryParse(string unit, out (decimal Factor, string Kind) parsed)
    {
        parsed = default;
        var parts = unit.Trim().Replace("mcg", "ug", StringComparison.Ordinal).Split('/');
        if (parts.Length is < 1 or > 2)
        {
            return false;
        }

        var factor = 1m;
        var kinds = new List<string>();
        for (var p = 0; p < parts.Length; p++)
        {
            foreach (var term in parts[p].Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!TryTerm(term, out var f, out var kind))
                {
                    return false;
                }

                factor = p == 0 ? factor * f : factor / f;
                if (kind.Length > 0)
                {
                    kinds.Add(p == 0 ? kind : "/" + kind);
                }
            }
        }

        kinds.Sort(StringComparer.Ordinal);
        parsed = (factor, string.Join(".", kinds));
        return true;
    }

    private static bool TryTerm(string term, out decimal factor, out string kind)
    {
        factor = 1m;
        kind = "";
        if ((term.StartsWith("10*", StringComparison.Ordinal) || term.StartsWith("10^", StringComparison.Ordinal))
            && int.TryParse(term.AsSpan(3), NumberStyles.Integer, CultureInfo.InvariantCulture, out var exponent) && exponent is >= -18 and <= 18)
        {
            factor = exponent >= 0 ? Pow(exponent) : 1m / Pow(-exponent);
            return true;
        }

        if (Atoms.TryGetValue(term, out var atom))
        {
            (factor, kind) = atom;
            return true;
        }

        foreach (var (prefix, f) in Prefixes)
        {
            if (term.Length > prefix.Length && term.StartsWith(prefix, StringComparison.Ordinal) && Atoms.TryGetValue(term[prefix.Length..], out var prefixed) && prefixed.Kind.Length > 0)
            {
                (factor, kind) = (f * prefixed.Factor, prefixed.Kind);
                return true;
            }
        }

        return false;
    }

    private static decimal Pow(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }

    private static decimal Round(decimal value)
    {
        if (value == 0)
        {
            return 0;
        }

        // Four significant digits: enough for any lab value, free of binary noise.
        var digits = (int)Math.Floor(Math.Log10((double)Math.Abs(value)));
        var decimals = Math.Clamp(3 - digits, 0, 10);
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero);
    }
}
