namespace Portal.Core.Scheduling;

/// <summary>
/// Wall-clock times in the clinic's zone as instants. A time that does not exist (the hour skipped when clocks go
/// forward) is the moment of the jump; a time that occurs twice (the hour repeated when clocks go back) is its first
/// occurrence. Slots are then laid out in elapsed time between such instants, so neither hour creates or loses a slot
/// silently: each slot carries its own UTC offset.
/// </summary>
public static class ClinicClock
{
    /// <summary>The instant <paramref name="time"/> on <paramref name="date"/> shows on the clinic's clocks.</summary>
    public static DateTimeOffset At(TimeZoneInfo zone, DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Clocks jump on a whole minute: the first valid minute is the jump.
            var next = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
            while (zone.IsInvalidTime(next))
            {
                next = next.AddMinutes(1);
            }

            return new DateTimeOffset(next, zone.GetUtcOffset(next));
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The larger offset is the earlier instant: the first time the clock shows it.
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The instant as the clinic's clocks show it, with the offset in force then.</summary>
    public static DateTimeOffset Local(TimeZoneInfo zone, DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>The clinic's date at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(TimeZoneInfo zone, DateTimeOffset instant) => DateOnly.FromDateTime(Local(zone, instant).DateTime);
}
