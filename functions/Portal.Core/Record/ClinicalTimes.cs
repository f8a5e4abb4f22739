using System.Globalization;

namespace Portal.Core.Record;

/// <summary>
/// The record's clinical times are FHIR <c>date</c> or <c>dateTime</c> text (<c>2015</c>, <c>2015-06</c>,
/// <c>2015-06-02</c>, <c>2015-06-02T10:30:00-05:00</c>), kept with the precision sent. This reads them as instants
/// for ordering: a date without a time is midnight in the clinic's time zone, not midnight UTC.
/// </summary>
public static class ClinicalTimes
{
    /// <summary>The rule, as told to callers.</summary>
    public const string Rule = "A date (YYYY, YYYY-MM or YYYY-MM-DD) or a date and time with its UTC offset (YYYY-MM-DDThh:mm:ss+hh:mm or Z).";

    /// <summary>The instant of a FHIR date or dateTime, or null when the text is not one.</summary>
    /// <param name="text">The text.</param>
    /// <param name="clinicZone">The clinic's time zone, for dates and times without an offset.</param>
    public static DateTimeOffset? ToInstant(string? text, TimeZoneInfo clinicZone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var s = text.Trim();
        DateTime local;
        switch (s.Length)
        {
            case 4 when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1 and <= 9999:
                return Local(new DateTime(year, 1, 1), clinicZone);
            case 7 when DateTime.TryParseExact(s, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out local):
            case 10 when DateTime.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out local):
                return Local(local, clinicZone);
        }

        if (s.Length < 16 || s[10] != 'T')
        {
            return null;
        }

        var hasOffset = s.EndsWith('Z') || s[^6] is '+' or '-';
        if (hasOffset)
        {
            return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) ? instant : null;
        }

        return DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out local)
            ? Local(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), clinicZone)
            : null;
    }

    /// <summary>True for a FHIR date or dateTime (or null when <paramref name="optional"/>).</summary>
    public static bool IsValid(string? text, bool optional = true) =>
        text is null ? optional : ToInstant(text, TimeZoneInfo.Utc) is not null;

    private static DateTimeOffset Local(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
