using System.Globalization;

namespace Portal.Core.Labs;

/// <summary>
/// A clinical time that keeps the precision it was sent with: a date-only collection time
/// stays a date (its <see cref="Value"/> is local midnight in the sender's zone, not midnight UTC).
/// </summary>
/// <param name="Value">The instant; components finer than <paramref name="Precision"/> are zero.</param>
/// <param name="Precision">How much of <paramref name="Value"/> was actually sent.</param>
/// <param name="HasOffset">True when the sender gave a UTC offset; false when the sender's configured time zone supplied it.</param>
public readonly record struct PartialDateTime(DateTimeOffset Value, TimePrecision Precision, bool HasOffset)
{
    /// <summary>The calendar date as sent (in the sender's clock).</summary>
    public DateOnly Date => DateOnly.FromDateTime(Value.DateTime);

    /// <summary>ISO 8601 text cut to the precision sent, e.g. <c>2008-08-15</c> or <c>2008-08-15T10:30-07:00</c>.</summary>
    public override string ToString() => Precision switch
    {
        TimePrecision.Year => Value.ToString("yyyy", CultureInfo.InvariantCulture),
        TimePrecision.Month => Value.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        TimePrecision.Day => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimePrecision.Hour or TimePrecision.Minute => Value.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture),
        TimePrecision.Second => Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        _ => Value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
    };
}
