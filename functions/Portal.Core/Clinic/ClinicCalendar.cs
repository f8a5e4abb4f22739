using System.Globalization;

namespace Portal.Core.Clinic;

/// <summary>
/// The clinic's business days (its working weekdays less its holidays) in its time zone, for targets such as "answered
/// within 2 business days". A target runs to the end of the Nth business day after the day something arrived, so a
/// request on Friday afternoon (or on Saturday) with a 2-day target is due by the end of Tuesday; a Monday holiday moves
/// it to Wednesday.
/// </summary>
/// <param name="Zone">The clinic's zone: days begin and end at its midnight.</param>
/// <param name="WorkingDays">The weekdays the clinic works.</param>
/// <param name="Holidays">Dates it does not work.</param>
public sealed record ClinicCalendar(TimeZoneInfo Zone, IReadOnlySet<DayOfWeek> WorkingDays, IReadOnlySet<DateOnly> Holidays)
{
    /// <summary>The calendar of the clinic's settings; throws <see cref="FormatException"/> for a day name or date it cannot read.</summary>
    public static ClinicCalendar From(ClinicOptions options) => new(
        TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone),
        Split(options.WorkingDays).Select(day => Enum.TryParse<DayOfWeek>(day, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(day, out _)
            ? parsed
            : throw new FormatException($"Clinic:WorkingDays: '{day}' is not a day name.")).ToHashSet(),
        Split(options.Holidays).Select(date => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet());

    /// <summary>True when the settings can be read and name at least one working day.</summary>
    public static bool IsValid(ClinicOptions options)
    {
        try
        {
            return From(options).WorkingDays.Count > 0;
        }
        catch (Exception e) when (e is FormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>True when the clinic works on <paramref name="date"/>.</summary>
    public bool IsBusinessDay(DateOnly date) => WorkingDays.Contains(date.DayOfWeek) && !Holidays.Contains(date);

    /// <summary>The end (the next midnight, clinic time) of the <paramref name="days"/>th business day after the day of <paramref name="arrived"/>.</summary>
    public DateTimeOffset DueAfter(DateTimeOffset arrived, int days)
    {
        var date = ClinicClock.DateOf(Zone, arrived);
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsBusinessDay(date))
            {
                counted++;
            }
        }

        return ClinicClock.At(Zone, date.AddDays(1), TimeOnly.MinValue);
    }

    /// <summary>Business days that began after the day of <paramref name="arrived"/>, up to and including the day of <paramref name="now"/>.</summary>
    public int BusinessDaysBetween(DateTimeOffset arrived, DateTimeOffset now)
    {
        var (from, to) = (ClinicClock.DateOf(Zone, arrived), ClinicClock.DateOf(Zone, now));
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            count += IsBusinessDay(date) ? 1 : 0;
        }

        return count;
    }

    private static IEnumerable<string> Split(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
