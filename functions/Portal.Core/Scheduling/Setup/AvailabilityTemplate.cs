namespace Portal.Core.Scheduling.Setup;

/// <summary>
/// A weekly block of a provider's time at one location (e.g. Mon–Thu 08:00–12:00), in the clinic's zone: slots start
/// at <paramref name="Start"/> and follow each other by the visit type's length while they end by <paramref name="End"/>.
/// </summary>
/// <param name="Id">Short stable id.</param>
/// <param name="ProviderId">Whose time.</param>
/// <param name="LocationId">Where (video and phone visits name the location they are run from).</param>
/// <param name="Days">The weekdays it repeats on.</param>
/// <param name="Start">Local wall-clock start (a multiple of 5 minutes).</param>
/// <param name="End">Local wall-clock end, after the start on the same day.</param>
/// <param name="VisitTypeIds">The visit types offered in it; null or empty: all.</param>
/// <param name="ValidFrom">First date it applies, or null.</param>
/// <param name="ValidTo">Last date it applies, or null.</param>
public sealed record AvailabilityTemplate(
    string Id,
    string ProviderId,
    string LocationId,
    IReadOnlyList<DayOfWeek> Days,
    TimeOnly Start,
    TimeOnly End,
    IReadOnlyList<string>? VisitTypeIds,
    DateOnly? ValidFrom,
    DateOnly? ValidTo) : ISetupItem
{
    /// <summary>True when the block runs on <paramref name="date"/>.</summary>
    public bool AppliesOn(DateOnly date) =>
        Days.Contains(date.DayOfWeek) && (ValidFrom is null || date >= ValidFrom) && (ValidTo is null || date <= ValidTo);
}
