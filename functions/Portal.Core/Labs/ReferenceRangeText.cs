using Portal.Core.Labs.Hl7;

namespace Portal.Core.Labs;

/// <summary>Parses reference-range text: <c>3.5-5.0</c>, <c>3.5 - 5.0</c>, <c>-1-1</c>, <c>&lt;9</c>, <c>&lt;=9</c>, <c>&gt;60</c>, <c>&gt;=60</c>.</summary>
internal static class ReferenceRangeText
{
    public static ReferenceRange? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.AsSpan().Trim();
        if (s[0] is '<' or '>')
        {
            var less = s[0] == '<';
            var inclusive = s.Length > 1 && s[1] == '=';
            var number = s[(inclusive ? 2 : 1)..].Trim();
            if (LabNumbers.TryParse(number, out var limit) && IsPlainNumber(number))
            {
                return less
                    ? new ReferenceRange { Text = text, High = limit, HighInclusive = inclusive }
                    : new ReferenceRange { Text = text, Low = limit, LowInclusive = inclusive };
            }

            return new ReferenceRange { Text = text };
        }

        // low-high: the dash after the first number (a leading '-' is the sign of low).
        var dash = s[1..].IndexOf('-');
        if (dash >= 0)
        {
            dash++;
            var low = s[..dash].Trim();
            var high = s[(dash + 1)..].Trim();
            if (IsPlainNumber(low) && IsPlainNumber(high)
                && LabNumbers.TryParse(low, out var lo) && LabNumbers.TryParse(high, out var hi))
            {
                return new ReferenceRange { Text = text, Low = lo, High = hi };
            }
        }

        return new ReferenceRange { Text = text };
    }

    private static bool IsPlainNumber(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty)
        {
            return false;
        }

        var i = s[0] is '-' or '+' ? 1 : 0;
        var digits = 0;
        var dots = 0;
        for (; i < s.Length; i++)
        {
            if (char.IsAsciiDigit(s[i]))
            {
                digits++;
            }
            else if (s[i] == '.' && dots++ == 0)
            {
            }
            else
            {
                return false;
            }
        }

        return digits > 0;
    }
}
