namespace Portal.Core.Labs.Hl7;

/// <summary>
/// Reads HL7 v2 DTM/TS/DT values: <c>YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]</c>.
/// A value without an offset is read in the sender's time zone; the precision sent is kept.
/// </summary>
public static class Hl7Timestamp
{
    /// <summary>Parses a timestamp; only the first component of a TS (<c>time^precision</c>) is read.</summary>
    /// <param name="text">The raw value.</param>
    /// <param name="senderTimeZone">Zone for values without an offset.</param>
    /// <param name="result">The time.</param>
    /// <returns>False when the text is not a valid timestamp (no exception).</returns>
    public static bool TryParse(ReadOnlySpan<char> text, TimeZoneInfo senderTimeZone, out PartialDateTime result)
    {
        result = default;
        var caret = text.IndexOf('^');
        if (caret >= 0)
        {
            text = text[..caret];
        }

        text = text.Trim(' ');
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits is not (4 or 6 or 8 or 10 or 12 or 14))
        {
            return false;
        }

        var pos = digits;
        long fractionTicks = 0;
        var precision = digits switch
        {
            4 => TimePrecision.Year,
            6 => TimePrecision.Month,
            8 => TimePrecision.Day,
            10 => TimePrecision.Hour,
            12 => TimePrecision.Minute,
            _ => TimePrecision.Second,
        };

        if (pos < text.Length && text[pos] == '.')
        {
            if (digits != 14)
            {
                return false;
            }

            pos++;
            var fracStart = pos;
            long frac = 0;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]) && pos - fracStart < 7)
            {
                frac = (frac * 10) + (text[pos] - '0');
                pos++;
            }

            var fracDigits = pos - fracStart;
            if (fracDigits == 0 || (pos < text.Length && char.IsAsciiDigit(text[pos])))
            {
                return false;
            }

            for (var k = fracDigits; k < 7; k++)
            {
                frac *= 10;
            }

            fractionTicks = frac;
            precision = TimePrecision.Fraction;
        }

        TimeSpan? offset = null;
        if (pos < text.Length)
        {
            var sign = text[pos];
            if (sign is not ('+' or '-'))
            {
                return false;
            }

            var off = text[(pos + 1)..];
            if (off.Length is not (2 or 4) || !AllDigits(off))
            {
                return false;
            }

            var hh = Number(off[..2]);
            var mm = off.Length == 4 ? Number(off[2..4]) : 0;
            if (hh > 14 || mm > 59 || (hh == 14 && mm > 0))
            {
                return false;
            }

            var span = new TimeSpan(hh, mm, 0);
            offset = sign == '-' ? -span : span;
        }

        var year = Number(text[..4]);
        var month = digits >= 6 ? Number(text.Slice(4, 2)) : 1;
        var day = digits >= 8 ? Number(text.Slice(6, 2)) : 1;
        var hour = digits >= 10 ? Number(text.Slice(8, 2)) : 0;
        var minute = digits >= 12 ? Number(text.Slice(10, 2)) : 0;
        var second = digits >= 14 ? Number(text.Slice(12, 2)) : 0;
        if (year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        var actualOffset = offset ?? OffsetIn(senderTimeZone, local);
        result = new PartialDateTime(new DateTimeOffset(local, actualOffset), precision, offset is not null);
        return true;
    }

    /// <summary>Parses a timestamp or returns null.</summary>
    /// <param name="text">The raw value.</param>
    /// <param name="senderTimeZone">Zone for values without an offset.</param>
    /// <returns>The time, or null when empty or invalid.</returns>
    public static PartialDateTime? Parse(ReadOnlySpan<char> text, TimeZoneInfo senderTimeZone) =>
        TryParse(text, senderTimeZone, out var t) ? t : null;

    private static TimeSpan OffsetIn(TimeZoneInfo zone, DateTime local)
    {
        if (ReferenceEquals(zone, TimeZoneInfo.Utc))
        {
            return TimeSpan.Zero;
        }

        // The offset of a wall-clock hour never changes, so answers are kept in a small direct-mapped cache keyed
        // by the hour (timestamps in one feed mostly share a few hours). Entries are immutable, so a race only
        // costs a recomputation. For a wall-clock time skipped by a DST change, GetUtcOffset gives the standard offset.
        var hour = local.Ticks / TimeSpan.TicksPerHour;
        var cache = s_offsets;
        var slot = (int)((ulong)hour & (OffsetCacheSize - 1));
        var last = cache[slot];
        if (last is not null && last.Hour == hour && ReferenceEquals(last.Zone, zone))
        {
            return last.Offset;
        }

        var offset = zone.GetUtcOffset(local);
        cache[slot] = new OffsetCache(zone, hour, offset);
        return offset;
    }

    private const int OffsetCacheSize = 256;

    private static readonly OffsetCache?[] s_offsets = new OffsetCache?[OffsetCacheSize];

    private sealed record OffsetCache(TimeZoneInfo Zone, long Hour, TimeSpan Offset);

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits)
        {
            n = (n * 10) + (c - '0');
        }

        return n;
    }
}
