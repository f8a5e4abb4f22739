using Ical.Net;
using Portal.Core.Scheduling;
using Portal.Core.Scheduling.Calendar;
using Portal.Core.Scheduling.Setup;

namespace Portal.Tests.Scheduling;

/// <summary>Appointments written as iCalendar and read back with Ical.Net.</summary>
public class AppointmentCalendarTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 20, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Events_keep_their_local_times_in_the_clinics_zone_on_both_sides_of_a_dst_change_with_stable_uids()
    {
        var before = View("a1", new DateTimeOffset(2026, 10, 30, 9, 0, 0, TimeSpan.FromHours(-5)), AppointmentStatus.Booked, 0);
        var after = View("a2", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(-6)), AppointmentStatus.Cancelled, 3);

        var text = AppointmentCalendar.Render([before, after], "Riverside Family Clinic", "America/Chicago", Now);
        var parsed = Calendar.Load(text)!;

        Assert.Contains("BEGIN:VTIMEZONE", text);
        Assert.Contains("TZID:America/Chicago", text);
        Assert.Equal(2, parsed.Events.Count);
        var first = parsed.Events.Single(e => e.Uid == AppointmentCalendar.Uid("a1"));
        var second = parsed.Events.Single(e => e.Uid == AppointmentCalendar.Uid("a2"));
        Assert.Equal(("America/Chicago", new DateTime(2026, 10, 30, 9, 0, 0)), (first.Start!.TzId, first.Start.Value));
        Assert.Equal(("America/Chicago", new DateTime(2026, 11, 2, 9, 0, 0)), (second.Start!.TzId, second.Start.Value));
        Assert.Equal(new DateTime(2026, 10, 30, 14, 0, 0, DateTimeKind.Utc), first.Start.AsUtc);
        Assert.Equal(new DateTime(2026, 11, 2, 15, 0, 0, DateTimeKind.Utc), second.Start.AsUtc);
        Assert.Equal((0, "CONFIRMED"), (first.Sequence, first.Status));
        Assert.Equal((3, "CANCELLED"), (second.Sequence, second.Status));
        Assert.Equal("Follow-up visit with Dr. Mei Chen", first.Summary);
        Assert.Contains("3000 N Halsted St", first.Location);
    }

    [Fact]
    public void The_reason_for_the_visit_is_never_in_the_calendar()
    {
        var text = AppointmentCalendar.Render([View("a1", Now.AddDays(3), AppointmentStatus.Requested, 0)], "Riverside Family Clinic", "America/Chicago", Now);

        Assert.DoesNotContain("chest pain", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("TENTATIVE", Calendar.Load(text)!.Events.Single().Status);
    }

    private static AppointmentView View(string id, DateTimeOffset start, AppointmentStatus status, int sequence) => new(
        id, "p1", status, start, start.AddMinutes(30), "America/Chicago", "follow-up", "Follow-up visit", VisitModality.InPerson, "dr-chen", "Dr. Mei Chen",
        new PlaceView("lakeview", "Lakeview office", "3000 N Halsted St, Chicago, IL 60657", null, null), "Chest pain since Tuesday", null, null, null,
        start.AddDays(-1), null, null, null, start.AddDays(-3), null, sequence, "etag");
}
