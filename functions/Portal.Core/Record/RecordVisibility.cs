using Portal.Core.Access;

namespace Portal.Core.Record;

/// <summary>
/// Who sees which items: adolescent-confidential items (<see cref="RecordItem.Confidential"/>) are hidden from
/// caregivers (proxies), whatever their grant's scopes, and a guardian of an adolescent sees only the sections the
/// clinic allows (<see cref="ProxyLimits"/>, set by <see cref="AccessPolicy"/>); the patient and staff whose role covers
/// records see everything. Every read use case applies this one rule (lists, details, the FHIR API, exports, downloads).
/// </summary>
public static class RecordVisibility
{
    /// <summary>True when the visit may see confidential items: anyone but a caregiver.</summary>
    public static bool ShowsConfidential(ChartVisit visit) => visit.Limits is not { HidesConfidential: true } && visit.OnBehalfOf is null && visit.ActingAs != "proxy";

    /// <summary>True when the visit may see the section at all.</summary>
    public static bool ShowsSection(ChartVisit visit, RecordSection section) => visit.Limits?.ShowsSection(section.Slug()) ?? true;

    /// <summary>True when the visit may see the item.</summary>
    public static bool MaySee(ChartVisit visit, RecordItem item) => (!item.Confidential || ShowsConfidential(visit)) && ShowsSection(visit, item.Section);

    /// <summary>The items the visit may see, in order.</summary>
    public static IReadOnlyList<RecordItem> Visible(ChartVisit visit, IEnumerable<RecordItem> items) =>
        [.. items.Where(item => MaySee(visit, item))];
}
