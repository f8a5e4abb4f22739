using Portal.Core.Common;
using Portal.Core.Scheduling.Setup;

namespace Portal.Tests.Scheduling;

/// <summary>A small clinic in America/Chicago for the scheduling rules.</summary>
internal static class SchedulingTestData
{
    public static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    public static VisitType VisitType(string id = "follow-up", int minutes = 30, SelfBooking selfBooking = SelfBooking.Anyone, int noticeHours = 0, int horizonDays = 365, bool approval = false) =>
        new(id, "Follow-up visit", minutes, VisitModality.InPerson, selfBooking, approval, noticeHours, horizonDays, 24, [48, 2], "Bring your medications.");

    public static AvailabilityTemplate Template(string id, DayOfWeek[] days, string start, string end, string provider = "dr-chen") =>
        new(id, provider, "lakeview", days, TimeOnly.Parse(start), TimeOnly.Parse(end), null, null, null);

    public static ClinicSetup Setup(IEnumerable<AvailabilityTemplate> templates, IEnumerable<AvailabilityException>? exceptions = null, IEnumerable<VisitType>? visitTypes = null) => new(
        [new Versioned<Provider>(new Provider("dr-chen", "Dr. Mei Chen", "Family medicine"), "e1")],
        [new Versioned<Location>(new Location("lakeview", "Lakeview office", "3000 N Halsted St", "Chicago", "IL", "60657", null), "e2")],
        [.. (visitTypes ?? [VisitType()]).Select(v => new Versioned<VisitType>(v, "e3"))],
        [.. templates.Select(t => new Versioned<AvailabilityTemplate>(t, "e4"))],
        [.. (exceptions ?? []).Select(e => new Versioned<AvailabilityException>(e, "e5"))]);

    public static readonly DayOfWeek[] MondayToThursday = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday];
}
