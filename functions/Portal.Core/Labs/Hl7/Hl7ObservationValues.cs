namespace Portal.Core.Labs.Hl7;

/// <summary>Reads OBX-5 according to OBX-2.</summary>
internal static class Hl7ObservationValues
{
    public static IReadOnlyList<LabValue> Read(ReadOnlySpan<char> valueType, Hl7Element field, TimeZoneInfo zone)
    {
        if (!field.HasValue)
        {
            return [];
        }

        var count = field.RepetitionCount;
        switch (valueType)
        {
            case "ST" or "TX" or "FT" or "":
                return [new LabTextValue(JoinText(field, count))];
            case "NM":
                return Each(field, count, zone, static (e, _) => Numeric(e));
            case "SN":
                return Each(field, count, zone, static (e, _) => StructuredNumeric(e));
            case "CE" or "CWE" or "CNE" or "CF":
                return Each(field, count, zone, static (e, _) =>
                    Hl7DataTypes.Code(e) is { } code ? new LabCodedValue(code) : null);
            case "DT" or "TS" or "DTM":
                return Each(field, count, zone, static (e, z) =>
                    Hl7Timestamp.Parse(e.Component(1).Raw, z) is { } t ? new LabDateTimeValue(t) : Text(e));
            default:
                return [new LabTextValue(JoinText(field, count))];
        }
    }

    private static IReadOnlyList<LabValue> Each(Hl7Element field, int count, TimeZoneInfo zone, Func<Hl7Element, TimeZoneInfo, LabValue?> read)
    {
        if (count == 1)
        {
            var single = read(field.Repetition(1), zone);
            return single is null ? [] : [single];
        }

        var list = new List<LabValue>(count);
        for (var i = 1; i <= count; i++)
        {
            var r = field.Repetition(i);
            if (r.HasValue && read(r, zone) is { } v)
            {
                list.Add(v);
            }
        }

        return list;
    }

    private static string JoinText(Hl7Element field, int count)
    {
        if (count == 1)
        {
            return field.Value ?? string.Empty;
        }

        var parts = new string[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = field.Repetition(i + 1).Value ?? string.Empty;
        }

        return string.Join('\n', parts);
    }

    private static LabValue? Text(Hl7Element e) => e.Value is { } s ? new LabTextValue(s) : null;

    /// <summary>NM; lenient: a leading comparator (<c>&lt;5</c>) is read as one, anything else unparsable is kept as text.</summary>
    private static LabValue? Numeric(Hl7Element e)
    {
        if (!e.HasValue)
        {
            return null;
        }

        var raw = e.Raw.Trim(' ');
        var comparatorLength = ComparatorLength(raw);
        if (LabNumbers.TryParse(raw[comparatorLength..], out var value))
        {
            return new LabQuantityValue(value, comparatorLength == 0 ? null : Comparator(raw[..comparatorLength]));
        }

        return Text(e);
    }

    /// <summary>SN: comparator^num1^separator/suffix^num2.</summary>
    private static LabValue? StructuredNumeric(Hl7Element e)
    {
        if (!e.HasValue)
        {
            return null;
        }

        var comparator = e.Component(1).Raw.Trim(' ');
        var n1 = e.Component(2);
        var separator = e.Component(3).Raw.Trim(' ');
        var n2 = e.Component(4);
        var cmp = comparator.IsEmpty ? null : Comparator(comparator);
        if (!comparator.IsEmpty && cmp is null)
        {
            return Text(e);
        }

        decimal? first = n1.HasValue && n1.TryGetDecimal(out var a) ? a : null;
        decimal? second = n2.HasValue && n2.TryGetDecimal(out var b) ? b : null;
        if ((n1.HasValue && first is null) || (n2.HasValue && second is null))
        {
            return Text(e);
        }

        if (separator.IsEmpty && !n2.HasValue)
        {
            return first is { } only ? new LabQuantityValue(only, cmp) : Text(e);
        }

        return separator switch
        {
            ":" => new LabRatioValue(first, second, cmp, ":"),
            "/" => new LabRatioValue(first, second, cmp, "/"),
            "-" when cmp is null => new LabRangeValue(first, second),
            _ => Text(e),
        };
    }

    private static int ComparatorLength(ReadOnlySpan<char> s) =>
        s.StartsWith("<=") || s.StartsWith(">=") || s.StartsWith("<>") ? 2
        : s.Length > 0 && s[0] is '<' or '>' or '=' ? 1
        : 0;

    private static string? Comparator(ReadOnlySpan<char> s) => s switch
    {
        "<" => "<",
        ">" => ">",
        "<=" => "<=",
        ">=" => ">=",
        "=" => "=",
        "<>" => "<>",
        _ => null,
    };
}
