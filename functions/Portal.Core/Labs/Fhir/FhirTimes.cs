using System.Globalization;

namespace Portal.Core.Labs.Fhir;

/// <summary>Reads FHIR date, dateTime and instant strings keeping their precision.</summary>
internal static class FhirTimes
{
    public static PartialDateTime? Parse(string? text, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim();
        var styles = DateTimeStyles.AllowWhiteSpaces;
        switch (s.Length)
        {
            case 4 when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 1 and < 9999:
                return Local(new DateTime(year, 1, 1), TimePrecision.Year, zone);
            case 7 when DateTime.TryParseExact(s, "yyyy-MM", CultureInfo.InvariantCulture, styles, out var month):
                return Local(month, TimePrecision.Month, zone);
            case 10 when DateTime.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, styles, out var day):
                return Local(day, TimePrecision.Day, zone);
        }

        var hasOffset = s.EndsWith('Z') || (s.Length > 19 && (s[^6] is '+' or '-'));
        var precision = s.Contains('.', StringComparison.Ordinal) ? TimePrecision.Fraction
            : s.Length >= 19 ? TimePrecision.Second : TimePrecision.Minute;
        if (hasOffset)
        {
            return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto)
                ? new PartialDateTime(dto, precision, true)
                : null;
        }

        return DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? Local(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), precision, zone)
            : null;
    }

    public static PartialDateTime? From(DateTimeOffset? instant) =>
        instant is { } v ? new PartialDateTime(v, v.Millisecond != 0 ? TimePrecision.Fraction : TimePrecision.Second, true) : null;

    private static PartialDateTime Local(DateTime local, TimePrecision precision, TimeZoneInfo zone) =>
        new(new DateTimeOffset(local, zone.GetUtcOffset(local)), precision, false);
}
