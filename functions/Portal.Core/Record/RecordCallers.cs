using Portal.Core.Access;

namespace Portal.Core.Record;

/// <summary>Which side of the record a visitor is on: the patient's (the patient or a caregiver) or the care team's.</summary>
public static class RecordCallers
{
    /// <summary>True when the visitor came in through a staff or system role, not a link to the patient.</summary>
    public static bool IsCareTeam(ChartVisit visit) => visit.ActingAs is not ("self" or "proxy");

    /// <summary>The visitor's name as shown in the record.</summary>
    public static string NameOf(ChartVisit visit) => visit.Caller.DisplayName ?? visit.Caller.Subject;
}
