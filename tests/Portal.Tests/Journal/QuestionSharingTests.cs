using Portal.Core.Journal;
using Portal.Core.Scheduling;

namespace Portal.Tests.Journal;

public class QuestionSharingTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
    private static readonly DateTimeOffset Asked = new(2026, 3, 1, 15, 0, 0, TimeSpan.Zero);

    private static Appointment Visit(string id, DateTimeOffset start, AppointmentStatus status = AppointmentStatus.Booked) =>
        new("p1", id, "follow-up", "dr", "main", start, start.AddMinutes(20), status, "", "p", Asked, null, 1, null, null, null, null, Asked);

    private static VisitQuestion Question(string? appointmentId = null, DateTimeOffset? sharedAt = null) =>
        new("p1", "q1", "Can I stop the statin?", appointmentId, Asked, "p", "Pat", sharedAt, null, null, Asked);

    [Fact]
    public void The_window_opens_at_midnight_clinic_time_three_days_before_the_visits_day()
    {
        // Tuesday March 10, 09:00 in Chicago (CDT from March 8): the window opens Saturday March 7, 00:00 CST.
        var start = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.FromHours(-5));
        var opens = new DateTimeOffset(2026, 3, 7, 0, 0, 0, TimeSpan.FromHours(-6));
        Assert.Equal(opens, QuestionSharing.WindowOpens(start, Chicago));

        var appointments = new[] { Visit("a1", start) };
        Assert.False(QuestionSharing.StateOf(Question("a1"), appointments, opens.AddTicks(-1), Chicago).Shared);
        var state = QuestionSharing.StateOf(Question("a1"), appointments, opens, Chicago);
        Assert.True(state.Shared);
        Assert.Equal(opens, state.SharesAt);
        Assert.False(state.MayBeAnswered(start.AddMinutes(-1)));
        Assert.True(state.MayBeAnswered(start));
    }

    [Fact]
    public void A_next_visit_question_follows_the_first_visit_booked_after_it_and_never_a_cancelled_one()
    {
        var later = new DateTimeOffset(2026, 3, 20, 14, 0, 0, TimeSpan.FromHours(-5));
        var cancelled = Visit("c", new DateTimeOffset(2026, 3, 5, 14, 0, 0, TimeSpan.FromHours(-6)), AppointmentStatus.Cancelled);
        var before = Visit("old", Asked.AddDays(-10), AppointmentStatus.Completed);
        var state = QuestionSharing.StateOf(Question(), [cancelled, before, Visit("next", later)], Asked, Chicago);
        Assert.Equal("next", state.Visit!.AppointmentId);
        Assert.False(state.Shared);

        var none = QuestionSharing.StateOf(Question(), [cancelled], Asked, Chicago);
        Assert.Null(none.SharesAt);
        Assert.True(none.MayBeAnswered(Asked));
    }

    [Fact]
    public void Sharing_explicitly_shares_at_once_and_a_question_asked_inside_the_window_is_shared_from_when_it_was_asked()
    {
        var start = Asked.AddDays(1);
        Assert.Equal(Asked, QuestionSharing.StateOf(Question("a1"), [Visit("a1", start)], Asked, Chicago).SharesAt);
        var explicitly = QuestionSharing.StateOf(Question("a1", sharedAt: Asked.AddMinutes(5)), [Visit("a1", start.AddDays(30))], Asked.AddMinutes(5), Chicago);
        Assert.True(explicitly.Shared);
    }
}
