using Portal.Core.Clinic;

namespace Portal.Core.Scheduling.Setup;

/// <summary>A booked appointment that a setup change left outside the provider's availability: staff decide what to do.</summary>
/// <param name="PatientId">Whose appointment.</param>
/// <param name="AppointmentId">Which.</param>
/// <param name="ProviderId">With whom.</param>
/// <param name="Start">When it starts.</param>
/// <param name="End">When it ends.</param>
public sealed record ScheduleConflict(string PatientId, string AppointmentId, string ProviderId, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The claimed appointments of a provider that <paramref name="setup"/> no longer covers, soonest first.</summary>
    public static IReadOnlyList<ScheduleConflict> Find(ClinicSetup setup, string providerId, IReadOnlyList<ClaimedUnit> units, TimeZoneInfo zone) =>
        [.. units.GroupBy(u => (u.PatientId, u.AppointmentId))
            .Select(g => new ScheduleConflict(g.Key.PatientId, g.Key.AppointmentId, providerId, g.Min(u => u.Start), g.Max(u => u.Start) + SlotUnits.Length))
            .Where(c => !Availability.Covers(setup, providerId, c.Start, c.End, zone))
            .Select(c => c with { Start = ClinicClock.Local(zone, c.Start), End = ClinicClock.Local(zone, c.End) })
            .OrderBy(c => c.Start)];
}
