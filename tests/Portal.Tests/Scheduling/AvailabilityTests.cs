using Portal.Core.Clinic;
using Portal.Core.Scheduling;
using Portal.Core.Scheduling.Setup;
using static Portal.Tests.Scheduling.SchedulingTestData;

namespace Portal.Tests.Scheduling;

/// <summary>Slots from weekly templates in America/Chicago, across both daylight-saving changes of 2026.</summary>
public class AvailabilityTests
{
    [Fact]
    public void An_8_oclock_slot_is_8_oclock_local_on_both_sides_of_the_spring_change()
    {
        var setup = Setup([Template("mornings", MondayToThursday, "08:00", "12:00")]);

        // Week of 2 March (CST, -06:00) and week of 9 March (CDT, -05:00); clocks went forward on Sunday 8 March.
        var before = Availability.Slots(setup, VisitType(), "dr-chen", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 8), Chicago).ToList();
        var after = Availability.Slots(setup, VisitType(), "dr-chen", new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 15), Chicago).ToList();

        Assert.Equal(32, before.Count); // 4 days × 8 half-hour slots
        Assert.Equal(32, after.Count);
        Assert.All(before.Where(s => s.Start.Hour == 8 && s.Start.Minute == 0), s => Assert.Equal(TimeSpan.FromHours(-6), s.Start.Offset));
        Assert.All(after.Where(s => s.Start.Hour == 8 && s.Start.Minute == 0), s => Assert.Equal(TimeSpan.FromHours(-5), s.Start.Offset));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.FromHours(-5)), after[0].Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 11, 30, 0, TimeSpan.FromHours(-5)), after[^1].Start);
        Assert.Equal("08:00 08:30 09:00 09:30 10:00 10:30 11:00 11:30", string.Join(' ', after.Take(8).Select(s => s.Start.ToString("HH:mm"))));
    }

    [Fact]
    public void The_skipped_hour_creates_no_slot_and_the_session_keeps_its_real_length()
    {
        // Sunday 8 March 2026: 02:00 becomes 03:00. A 01:00–04:00 session is two real hours that day.
        var setup = Setup([Template("night", [DayOfWeek.Sunday], "01:00", "04:00")]);

        var slots = Availability.Slots(setup, VisitType(), "dr-chen", new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 8), Chicago).ToList();

        Assert.Equal(["01:00-06:00", "01:30-06:00", "03:00-05:00", "03:30-05:00"], slots.Select(Show));
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(30), s.End - s.Start));
        Assert.DoesNotContain(slots, s => s.Start.Hour == 2);
    }

    [Fact]
    public void The_repeated_hour_gives_each_slot_once_with_its_own_offset()
    {
        // Sunday 1 November 2026: 02:00 CDT becomes 01:00 CST. A 00:00–03:00 session is four real hours that day.
        var setup = Setup([Template("night", [DayOfWeek.Sunday], "00:00", "03:00")]);

        var slots = Availability.Slots(setup, VisitType(), "dr-chen", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 1), Chicago).ToList();

        Assert.Equal(
            ["00:00-05:00", "00:30-05:00", "01:00-05:00", "01:30-05:00", "01:00-06:00", "01:30-06:00", "02:00-06:00", "02:30-06:00"],
            slots.Select(Show));
        Assert.Equal(slots.Count, slots.Select(s => s.Start.UtcDateTime).Distinct().Count());
    }

    [Fact]
    public void Both_weeks_of_the_autumn_change_keep_their_local_times()
    {
        var setup = Setup([Template("mornings", MondayToThursday, "08:00", "12:00")]);

        var slots = Availability.Slots(setup, VisitType(minutes: 60), "dr-chen", new DateOnly(2026, 10, 26), new DateOnly(2026, 11, 5), Chicago).ToList();

        Assert.Equal(32, slots.Count);
        Assert.Equal(TimeSpan.FromHours(-5), slots.First(s => s.Start.Day == 29).Start.Offset);
        Assert.Equal(TimeSpan.FromHours(-6), slots.First(s => s.Start.Day == 2).Start.Offset);
        Assert.All(slots, s => Assert.InRange(s.Start.Hour, 8, 11));
    }

    [Fact]
    public void Time_off_removes_the_slots_it_overlaps_and_an_extra_session_adds_slots()
    {
        var off = new AvailabilityException("dentist", "dr-chen", ExceptionKind.TimeOff, new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10), new TimeOnly(9, 15), new TimeOnly(10, 0), null, null);
        var extra = new AvailabilityException("saturday", "dr-chen", ExceptionKind.ExtraSession, new DateOnly(2026, 3, 14), new DateOnly(2026, 3, 14), new TimeOnly(9, 0), new TimeOnly(10, 0), "lakeview", null);
        var setup = Setup([Template("mornings", MondayToThursday, "08:00", "12:00")], [off, extra]);

        var tuesday = Availability.Slots(setup, VisitType(), "dr-chen", new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 10), Chicago).Select(s => s.Start.ToString("HH:mm"));
        var saturday = Availability.Slots(setup, VisitType(), "dr-chen", new DateOnly(2026, 3, 14), new DateOnly(2026, 3, 14), Chicago).Select(s => s.Start.ToString("HH:mm"));

        Assert.Equal(["08:00", "08:30", "10:00", "10:30", "11:00", "11:30"], tuesday);
        Assert.Equal(["09:00", "09:30"], saturday);
        Assert.False(Availability.Covers(setup, "dr-chen", new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.FromHours(-5)), new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(-5)), Chicago));
        Assert.True(Availability.Covers(setup, "dr-chen", new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.FromHours(-5)), new DateTimeOffset(2026, 3, 10, 10, 30, 0, TimeSpan.FromHours(-5)), Chicago));
    }

    [Fact]
    public void A_wall_clock_time_that_does_not_exist_is_the_jump_and_one_that_repeats_is_its_first_occurrence()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.FromHours(-5)), ClinicClock.At(Chicago, new DateOnly(2026, 3, 8), new TimeOnly(2, 30)));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-5)), ClinicClock.At(Chicago, new DateOnly(2026, 11, 1), new TimeOnly(1, 30)));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.FromHours(-5)), ClinicClock.At(Chicago, new DateOnly(2026, 7, 1), new TimeOnly(8, 0)));
    }

    [Fact]
    public void Slots_are_claimed_in_5_minute_units_aligned_in_utc()
    {
        var start = new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.FromHours(-5));

        var units = SlotUnits.Of(start, start.AddMinutes(30));

        Assert.Equal(6, units.Count);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 13, 0, 0, TimeSpan.Zero), units[0]);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 13, 25, 0, TimeSpan.Zero), units[^1]);
    }

    private static string Show(Slot slot) => slot.Start.ToString("HH:mmzzz");
}
