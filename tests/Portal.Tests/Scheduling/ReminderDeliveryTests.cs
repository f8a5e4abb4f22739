using Portal.Core.Notifications;

namespace Portal.Tests.Scheduling;

/// <summary>A reminder that quiet hours would hold goes at their end only while that is still before the visit.</summary>
public class ReminderDeliveryTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly DeliveryFacts Reachable = new(true, true, false, true, true, Chicago, 0);

    [Fact]
    public void A_2_hour_reminder_due_in_quiet_hours_waits_for_their_end_when_the_visit_is_later()
    {
        var due = new DateTimeOffset(2026, 3, 10, 6, 30, 0, TimeSpan.FromHours(-5)); // 06:30, quiet until 08:00
        var visit = due.AddHours(2.5);

        var plan = DeliveryPlanner.Plan(NoticeKind.AppointmentReminder, Reachable, NotificationPreferences.Defaults, due, uselessFrom: visit);

        Assert.Equal(NoticeChannel.Sms, plan.Channel);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.FromHours(-5)), plan.NotBefore);
        Assert.Equal(WaitReason.QuietHours, plan.WaitReason);
    }

    [Fact]
    public void A_2_hour_reminder_that_quiet_hours_would_hold_past_the_visit_is_not_sent()
    {
        var due = new DateTimeOffset(2026, 3, 10, 5, 30, 0, TimeSpan.FromHours(-5)); // visit at 07:30, quiet until 08:00
        var visit = due.AddHours(2);

        var plan = DeliveryPlanner.Plan(NoticeKind.AppointmentReminder, Reachable, NotificationPreferences.Defaults, due, uselessFrom: visit);

        Assert.Equal((NoticeChannel.None, ChannelReason.TooLate, (DateTimeOffset?)null), (plan.Channel, plan.ChannelReason, plan.NotBefore));
    }
}
