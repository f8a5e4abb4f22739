using Microsoft.Extensions.Options;
using Portal.Core.Billing;
using Portal.Core.Clinic;

namespace Portal.Tests.Billing;

public class StatementCalendarTests
{
    private static StatementCalendar Calendar(int day = 1, int hour = 6) =>
        new(Options.Create(new BillingOptions { StatementDay = day, StatementHour = hour }), Options.Create(new ClinicOptions { TimeZone = "America/Chicago" }));

    [Fact]
    public void The_close_is_the_clinics_day_and_hour_in_its_zone()
    {
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 6, 0, 0, TimeSpan.FromHours(-6)), Calendar().CloseOf(new DateOnly(2027, 1, 1)));
        Assert.Equal(new DateTimeOffset(2027, 7, 15, 6, 0, 0, TimeSpan.FromHours(-5)), Calendar(15).CloseOf(new DateOnly(2027, 7, 1)));
    }

    [Fact]
    public void A_close_hour_skipped_by_daylight_saving_happens_an_hour_later() =>
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 3, 0, 0, TimeSpan.FromHours(-5)), Calendar(14, 2).CloseOf(new DateOnly(2027, 3, 1)));

    [Fact]
    public void The_cycle_due_is_this_months_once_its_close_has_passed_in_the_clinics_zone()
    {
        var calendar = Calendar();

        // 11:59 UTC on Jan 1 is 05:59 in Chicago: December's cycle is still the one due.
        Assert.Equal(new DateOnly(2026, 12, 1), calendar.CycleAt(new DateTimeOffset(2027, 1, 1, 11, 59, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2027, 1, 1), calendar.CycleAt(new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2027-01", StatementCalendar.CycleOf(new DateOnly(2027, 1, 1)));
        Assert.Equal(calendar.CloseOf(new DateOnly(2027, 2, 1)), calendar.NextCloseAfter(new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero)));
    }
}
