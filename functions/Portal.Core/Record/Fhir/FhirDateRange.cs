using System.Globalization;

namespace Portal.Core.Record.Fhir;

/// <summary>
/// The instants a FHIR <c>date</c> search allows: from <see cref="From"/> (inclusive) until <see cref="Until"/>
/// (exclusive), either open. Each <c>date=</c> value narrows it: a value stands for the whole range of its precision
/// (<c>2024-03</c> is March), read in the clinic's zone when it has no offset; <c>ge</c> keeps what starts at or
/// after the range's start, <c>gt</c> after its end, <c>le</c> before its end, <c>lt</c> before its start, <c>eq</c>
/// (or no prefix) within it. Resources are compared by their clinical time as an instant.
/// </summary>
/// <param name="From">The earliest instant kept, or null.</param>
/// <param name="Until">The first instant no longer kept, or null.</param>
public sealed record FhirDateRange(DateTimeOffset? From, DateTimeOffset? Until)
{
    /// <summary>No limit.</summary>
    public static FhirDateRange Any { get; } = new(null, null);

    /// <summary>The prefixes this server reads.</summary>
    public const string Prefixes = "ge, le, gt, lt, eq";

    /// <summary>True when nothing can match (an empty range).</summary>
    public bool IsEmpty => From is { } from && Until is { } until && from >= until;

    /// <summary>True when the instant is in the range.</summary>
    public bool Contains(DateTimeOffset instant) => (From is null || instant >= From) && (Until is null || instant < Until);

    /// <summary>This range narrowed by one <c>date=</c> value, or null when the value is not one this server reads.</summary>
    public FhirDateRange? Narrow(string value, TimeZoneInfo clinicZone)
    {
        var prefix = value.Length > 2 && char.IsAsciiLetterLower(value[0]) ? value[..2] : "eq";
        var text = value.Length > 2 && char.IsAsciiLetterLower(value[0]) ? value[2..] : value;
        if (Span(text, clinicZone) is not var (start, end))
        {
            return null;
        }

        return prefix switch
        {
            "eq" => Later(start).Earlier(end),
            "ge" => Later(start),
            "gt" => Later(end),
            "le" => Earlier(end),
            "lt" => Earlier(start),
            _ => null,
        };
    }

    private FhirDateRange Later(DateTimeOffset from) => this with { From = From is { } current && current > from ? current : from };

    private FhirDateRange Earlier(DateTimeOffset until) => this with { Until = Until is { } current && current < until ? current : until };

    // The instants a value covers: its start, and the start of the next unit of its precision.
    private static (DateTimeOffset Start, DateTimeOffset End)? Span(string text, TimeZoneInfo zone)
    {
        if (ClinicalTimes.ToInstant(text, zone) is not { } start)
        {
            return null;
        }

        var length = text.Length;
        DateTimeOffset Next(Func<DateTime, DateTime> step)
        {
            var local = TimeZoneInfo.ConvertTime(start, zone).DateTime;
            var next = DateTime.SpecifyKind(step(local), DateTimeKind.Unspecified);
            return new DateTimeOffset(next, zone.GetUtcOffset(next));
        }

        try
        {
            return length switch
            {
                4 => (start, Next(d => d.AddYears(1))),
                7 => (start, Next(d => d.AddMonths(1))),
                10 => (start, Next(d => d.AddDays(1))),
                _ => (start, start.AddTicks(Precision(text))),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    // A time given to the minute covers that minute, to the second that second, with fractions that fraction.
    private static long Precision(string text)
    {
        var time = text[11..];
        var zoneAt = time.IndexOfAny(['Z', '+', '-']);
        var clock = zoneAt >= 0 ? time[..zoneAt] : time;
        var dot = clock.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            var digits = Math.Min(7, clock.Length - dot - 1);
            return (long)Math.Pow(10, 7 - digits);
        }

        return clock.Count(c => c == ':') >= 2 ? TimeSpan.TicksPerSecond : TimeSpan.TicksPerMinute;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{From?.ToString("O", CultureInfo.InvariantCulture) ?? "-"}..{Until?.ToString("O", CultureInfo.InvariantCulture) ?? "-"}";
}
