namespace Portal.Core.Scheduling;

/// <summary>
/// A provider's time is claimed in 5-minute units, one index entity per unit: two bookings that overlap by even one
/// unit insert the same entity, and storage lets only one insert win.
/// </summary>
public static class SlotUnits
{
    /// <summary>The unit length; durations and template times are multiples of it.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(5);

    /// <summary>The starts (UTC) of the units covering [start, end).</summary>
    public static IReadOnlyList<DateTimeOffset> Of(DateTimeOffset start, DateTimeOffset end)
    {
        var units = new List<DateTimeOffset>();
        var first = Floor(start.ToUniversalTime());
        for (var unit = first; unit < end; unit += Length)
        {
            units.Add(unit);
        }

        return units;
    }

    /// <summary>The start of the unit containing <paramref name="instant"/> (UTC).</summary>
    public static DateTimeOffset Floor(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.UtcTicks - (utc.UtcTicks % Length.Ticks), TimeSpan.Zero);
    }
}
