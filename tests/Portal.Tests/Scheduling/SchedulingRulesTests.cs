using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Core.Scheduling;
using Portal.Core.Scheduling.Setup;
using static Portal.Tests.Scheduling.SchedulingTestData;

namespace Portal.Tests.Scheduling;

/// <summary>Who may book what and when, open slots, the cutoff, setup validation and reminders.</summary>
public class SchedulingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 9, 7, 0, 0, TimeSpan.FromHours(-5)); // Monday 07:00 CDT

    [Fact]
    public void Open_slots_leave_out_claimed_units_the_past_the_minimum_notice_and_the_horizon()
    {
        var visitType = VisitType(noticeHours: 2, horizonDays: 3);
        var setup = Setup([Template("mornings", MondayToThursday, "08:00", "12:00")], visitTypes: [visitType]);
        var taken = SlotUnits.Of(new DateTimeOffset(2026, 3, 9, 10, 15, 0, TimeSpan.FromHours(-5)), new DateTimeOffset(2026, 3, 9, 10, 20, 0, TimeSpan.FromHours(-5)))
            .Select(u => new ClaimedUnit(u, "other", "p")).ToList();

        var patient = SchedulingRules.OpenSlots(setup, visitType, "dr-chen", new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 15), Chicago, taken, byStaff: false, Now);
        var staff = SchedulingRules.OpenSlots(setup, visitType, "dr-chen", new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 15), Chicago, taken, byStaff: true, Now);

        // Monday: 09:00 on (2 hours' notice), without 10:00 (a unit of it is taken); Tuesday, Wednesday; Thursday is past the 3-day horizon.
        Assert.Equal("09:00 09:30 10:30 11:00 11:30", string.Join(' ', patient.Where(s => s.Start.Day == 9).Select(s => s.Start.ToString("HH:mm"))));
        Assert.Equal([9, 10, 11], patient.Select(s => s.Start.Day).Distinct());
        Assert.Equal(7, staff.Count(s => s.Start.Day == 9));
        Assert.Contains(staff, s => s.Start.Day == 12);
    }

    [Fact]
    public void A_slot_must_be_aligned_open_for_this_side_and_not_overlap_the_patients_other_visit()
    {
        var setup = Setup([Template("mornings", MondayToThursday, "08:00", "12:00")], visitTypes: [VisitType(), VisitType("new-patient", 60, SelfBooking.NewPatients), VisitType("procedure", 60, SelfBooking.StaffOnly)]);
        var at = (int h, int m) => new DateTimeOffset(2026, 3, 10, h, m, 0, TimeSpan.FromHours(-5));
        Appointment[] earlier = [Booked("seen", at(9, 0).AddDays(-30)), Booked("mine", at(9, 0))];

        Assert.Equal("start", Field(SchedulingRules.CheckSlot(setup, setup.VisitType("follow-up"), "dr-chen", at(8, 15), false, [], null, Chicago, Now)));
        Assert.Equal("visitTypeId", Field(SchedulingRules.CheckSlot(setup, setup.VisitType("procedure"), "dr-chen", at(8, 0), false, [], null, Chicago, Now)));
        Assert.Equal("visitTypeId", Field(SchedulingRules.CheckSlot(setup, setup.VisitType("new-patient"), "dr-chen", at(10, 0), false, earlier, null, Chicago, Now)));
        Assert.Equal("providerId", Field(SchedulingRules.CheckSlot(setup, setup.VisitType("follow-up"), "dr-nobody", at(8, 0), false, [], null, Chicago, Now)));
        Assert.Equal("start", Field(SchedulingRules.CheckSlot(setup, setup.VisitType("follow-up"), "dr-chen", Now.AddDays(-1), true, [], null, Chicago, Now)));
        Assert.Equal(FailureKind.Conflict, SchedulingRules.CheckSlot(setup, setup.VisitType("follow-up"), "dr-chen", at(9, 0), false, earlier, null, Chicago, Now).Failure!.Kind);
        Assert.True(SchedulingRules.CheckSlot(setup, setup.VisitType("follow-up"), "dr-chen", at(9, 0), false, earlier, "mine", Chicago, Now).Succeeded);
        Assert.True(SchedulingRules.CheckSlot(setup, setup.VisitType("procedure"), "dr-chen", at(10, 0), true, [], null, Chicago, Now).Succeeded);
    }

    [Fact]
    public void Inside_the_cutoff_patients_are_told_the_clinics_phone_number()
    {
        var appointment = Booked("a", Now.AddHours(20));

        Assert.True(SchedulingRules.InsideCutoff(appointment, VisitType(), Now));
        Assert.False(SchedulingRules.InsideCutoff(appointment, VisitType(), Now.AddHours(-5)));
        var refusal = SchedulingRules.CutoffRefusal(VisitType(), "+1 312 555 0100");
        Assert.Equal(FailureKind.Conflict, refusal.Kind);
        Assert.Contains("+1 312 555 0100", refusal.Detail);
    }

    [Fact]
    public void Setup_items_are_checked_field_by_field_and_against_each_other()
    {
        var setup = Setup([]);
        var badVisit = VisitType(minutes: 7) with { ReminderHours = [2, 2] };
        var badTemplate = Template("t", [], "08:03", "07:00") with { LocationId = "nowhere" };

        Assert.Equal(["durationMinutes", "reminderHours"], Fields(SetupRules.Validate(badVisit, "follow-up", setup)));
        Assert.Equal(["days", "end", "locationId", "start"], Fields(SetupRules.Validate(badTemplate, "t", setup)));
        Assert.Equal(["id"], Fields(SetupRules.Validate(new Provider("dr-chen", "Dr. Chen", null), "dr-other", setup)));
        Assert.True(SetupRules.Validate(Template("t", MondayToThursday, "08:00", "12:00"), "t", setup).IsEmpty);
    }

    [Fact]
    public void Reminders_ahead_are_planned_and_their_notice_id_follows_from_the_reminder()
    {
        var appointment = Booked("a", Now.AddHours(30));

        var reminders = Reminder.For(appointment, VisitType(), Now);

        var reminder = Assert.Single(reminders); // the 48-hour reminder would be in the past
        Assert.Equal(2, reminder.HoursBefore);
        Assert.Equal(reminder.Notice().NoticeId, reminder.Notice().NoticeId);
        Assert.Equal(NoticeKind.AppointmentReminder, reminder.Notice().Kind);
        Assert.Equal(appointment.Start, reminder.Notice().Details.When);
    }

    private static Appointment Booked(string id, DateTimeOffset start) =>
        new("p", id, "follow-up", "dr-chen", "lakeview", start, start.AddMinutes(30), AppointmentStatus.Booked, "check-up", "p", start.AddDays(-40), null, 0, null, null, null, null, start.AddDays(-40));

    private static string? Field<T>(Result<T> result) => result.Failure?.Errors?.Keys.Single();

    private static IEnumerable<string> Fields(FieldErrors errors) => errors.ToFailure()?.Errors?.Keys.Order(StringComparer.Ordinal).ToList() ?? [];
}
