using Portal.Core.Access;

namespace Portal.Core.Record;

/// <summary>
/// Who sees which items: adolescent-confidential items (<see cref="RecordItem.Confidential"/>) are hidden from
/// caregivers (proxies), whatever their grant's scopes; the patient and staff whose role covers records see them.
/// Every read use case applies this one rule (the FHIR API, exports and downloads included).
/// </summary>
public static class RecordVisibility
{
    /// <summary>True when the visit may see confidential items: anyone but a caregiver.</summary>
    public static bool ShowsConfidential(ChartVisit visit) => visit.OnBehalfOf is null && visit.ActingAs != "proxy";

    /// <summary>True when the visit may see the item.</summary>
    public static bool MaySee(ChartVisit visit, RecordItem item) => !item.Confidential || ShowsConfidential(visit);

    /// <summary>The items the visit may see, in order.</summary>
    public static IReadOnlyList<RecordItem> Visible(ChartVisit visit, IEnumerable<RecordItem> items) =>
        [.. items.Where(item => MaySee(visit, item))];
}
