using Portal.Core.Clinic;
using Portal.Core.Scheduling.Setup;

namespace Portal.Core.Scheduling;

/// <summary>
/// A provider's bookable time from the weekly templates and the exceptions, in the clinic's zone. Pure: bookings,
/// holds, notice and horizon are applied by <see cref="SchedulingRules.OpenSlots"/>.
/// </summary>
public static class Availability
{
    /// <summary>A block of working time on one date, as instants.</summary>
    /// <param name="Start">When it starts.</param>
    /// <param name="End">When it ends.</param>
    /// <param name="LocationId">Where.</param>
    /// <param name="VisitTypeIds">Visit types offered; empty: all.</param>
    public sealed record Session(DateTimeOffset Start, DateTimeOffset End, string LocationId, IReadOnlyList<string> VisitTypeIds)
    {
        /// <summary>True when the visit type is offered in it.</summary>
        public bool Offers(string visitTypeId) => VisitTypeIds.Count == 0 || VisitTypeIds.Contains(visitTypeId);
    }

    /// <summary>The provider's sessions on <paramref name="date"/>: the templates' blocks and extra sessions.</summary>
    public static IReadOnlyList<Session> SessionsOn(ClinicSetup setup, string providerId, DateOnly date, TimeZoneInfo zone)
    {
        var sessions = new List<Session>();
        foreach (var template in setup.Templates.Select(t => t.Value).Where(t => t.ProviderId == providerId && t.AppliesOn(date)))
        {
            sessions.Add(new Session(ClinicClock.At(zone, date, template.Start), ClinicClock.At(zone, date, template.End), template.LocationId, template.VisitTypeIds ?? []));
        }

        foreach (var extra in Exceptions(setup, providerId, date, ExceptionKind.ExtraSession))
        {
            sessions.Add(new Session(ClinicClock.At(zone, date, extra.Start), ClinicClock.At(zone, date, extra.End), extra.LocationId ?? "", extra.VisitTypeIds ?? []));
        }

        return [.. sessions.Where(s => s.End > s.Start).OrderBy(s => s.Start)];
    }

    /// <summary>The provider's time off on <paramref name="date"/>, as instants.</summary>
    public static IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> TimeOffOn(ClinicSetup setup, string providerId, DateOnly date, TimeZoneInfo zone) =>
        [.. Exceptions(setup, providerId, date, ExceptionKind.TimeOff).Select(e => (ClinicClock.At(zone, date, e.Start), ClinicClock.At(zone, date, e.End)))];

    /// <summary>
    /// The template-aligned slots of <paramref name="visitType"/> with the provider on each date from <paramref name="from"/>
    /// to <paramref name="to"/> (inclusive): from each session's start, one after the other in elapsed time, while they end
    /// by the session's end, leaving out those that overlap time off. Bookings are not subtracted here.
    /// </summary>
    public static IEnumerable<Slot> Slots(ClinicSetup setup, VisitType visitType, string providerId, DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var timeOff = TimeOffOn(setup, providerId, date, zone);
            var seen = new HashSet<DateTimeOffset>();
            foreach (var session in SessionsOn(setup, providerId, date, zone).Where(s => s.Offers(visitType.Id)))
            {
                for (var start = session.Start; start + visitType.Duration <= session.End; start += visitType.Duration)
                {
                    var end = start + visitType.Duration;
                    if (!timeOff.Any(off => Slot.Overlaps(start, end, off.Start, off.End)) && seen.Add(start))
                    {
                        yield return new Slot(ClinicClock.Local(zone, start), ClinicClock.Local(zone, end), providerId, session.LocationId);
                    }
                }
            }
        }
    }

    /// <summary>True when [start, end) lies inside one of the provider's sessions and overlaps no time off.</summary>
    public static bool Covers(ClinicSetup setup, string providerId, DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        var date = ClinicClock.DateOf(zone, start);
        return SessionsOn(setup, providerId, date, zone).Any(s => s.Start <= start && end <= s.End)
            && !TimeOffOn(setup, providerId, date, zone).Any(off => Slot.Overlaps(start, end, off.Start, off.End));
    }

    private static IEnumerable<AvailabilityException> Exceptions(ClinicSetup setup, string providerId, DateOnly date, ExceptionKind kind) =>
        setup.Exceptions.Select(e => e.Value).Where(e => e.ProviderId == providerId && e.Kind == kind && e.AppliesOn(date));
}
