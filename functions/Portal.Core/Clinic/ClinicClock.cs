namespace Portal.Core.Clinic;

/// <summary>
/// Wall-clock times in a zone (the clinic's, or a patient's) as instants. A time that does not exist (the hour
/// skipped when clocks go forward) is the moment of the jump; a time that occurs twice (the hour repeated when clocks
/// go back) is its first occurrence, or the first one after a given instant. Scheduling lays slots out in elapsed
/// time between such instants, so neither hour creates or loses a slot silently; each slot carries its own offset.
/// </summary>
public static class ClinicClock
{
    /// <summary>The instant <paramref name="time"/> on <paramref name="date"/> shows on the zone's clocks (first occurrence).</summary>
    public static DateTimeOffset At(TimeZoneInfo zone, DateOnly date, TimeOnly time) => At(zone, date.ToDateTime(time), after: null);

    /// <summary>
    /// The instant a wall-clock time occurs in <paramref name="zone"/>: in a skipped hour, the moment the clocks jump;
    /// in a repeated hour, the first occurrence after <paramref name="after"/> (else, or without it, the first).
    /// </summary>
    public static DateTimeOffset At(TimeZoneInfo zone, DateTime wallClock, DateTimeOffset? after)
    {
        var local = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // Clocks jump on a whole minute: the first valid minute after the wall-clock time is the jump.
            var next = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
            while (zone.IsInvalidTime(next))
            {
                next = next.AddMinutes(1);
            }

            return new DateTimeOffset(next, zone.GetUtcOffset(next));
        }

        if (zone.IsAmbiguousTime(local))
        {
            var candidates = zone.GetAmbiguousTimeOffsets(local).Select(offset => new DateTimeOffset(local, offset)).Order().ToList();
            return candidates.FirstOrDefault(instant => after is not null && instant > after, candidates[0]);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The instant as the zone's clocks show it, with the offset in force then.</summary>
    public static DateTimeOffset Local(TimeZoneInfo zone, DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, zone);

    /// <summary>The zone's date at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(TimeZoneInfo zone, DateTimeOffset instant) => DateOnly.FromDateTime(Local(zone, instant).DateTime);
}
