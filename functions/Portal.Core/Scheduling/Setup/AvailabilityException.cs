namespace Portal.Core.Scheduling.Setup;

/// <summary>
/// A change to a provider's weekly templates on some dates: time off (no slots overlap it) or an extra session
/// (slots as in a template). The times apply on each date from <paramref name="FromDate"/> to <paramref name="ToDate"/>.
/// </summary>
/// <param name="Id">Short stable id.</param>
/// <param name="ProviderId">Whose time.</param>
/// <param name="Kind">Time off or an extra session.</param>
/// <param name="FromDate">First date.</param>
/// <param name="ToDate">Last date (inclusive, at most 62 days after the first).</param>
/// <param name="Start">Local start on each date.</param>
/// <param name="End">Local end on each date, after the start.</param>
/// <param name="LocationId">Where an extra session is; null for time off.</param>
/// <param name="VisitTypeIds">Visit types of an extra session; null or empty: all.</param>
public sealed record AvailabilityException(
    string Id,
    string ProviderId,
    ExceptionKind Kind,
    DateOnly FromDate,
    DateOnly ToDate,
    TimeOnly Start,
    TimeOnly End,
    string? LocationId,
    IReadOnlyList<string>? VisitTypeIds) : ISetupItem
{
    /// <summary>True when it applies on <paramref name="date"/>.</summary>
    public bool AppliesOn(DateOnly date) => date >= FromDate && date <= ToDate;
}

/// <summary>What an exception does.</summary>
public enum ExceptionKind
{
    /// <summary>No slots overlap it.</summary>
    TimeOff,

    /// <summary>An extra session, like a template's block on those dates.</summary>
    ExtraSession,
}
