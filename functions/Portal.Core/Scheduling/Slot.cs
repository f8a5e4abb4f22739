namespace Portal.Core.Scheduling;

/// <summary>A time a visit of one type can take with one provider at one location.</summary>
/// <param name="Start">The start, in the clinic's zone with its offset.</param>
/// <param name="End">The end.</param>
/// <param name="ProviderId">With whom.</param>
/// <param name="LocationId">Where (or from where, for video and phone).</param>
public sealed record Slot(DateTimeOffset Start, DateTimeOffset End, string ProviderId, string LocationId)
{
    /// <summary>True when the two intervals share any time.</summary>
    public static bool Overlaps(DateTimeOffset start, DateTimeOffset end, DateTimeOffset otherStart, DateTimeOffset otherEnd) =>
        start < otherEnd && otherStart < end;
}
