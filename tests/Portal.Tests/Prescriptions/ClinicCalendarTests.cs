using Portal.Core.Clinic;

namespace Portal.Tests.Prescriptions;

/// <summary>Business-day targets in the clinic's zone: weekends and holidays do not count, days end at the clinic's midnight.</summary>
public class ClinicCalendarTests
{
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    private static ClinicCalendar Calendar(string holidays = "") =>
        ClinicCalendar.From(new ClinicOptions { TimeZone = "America/Chicago", Holidays = holidays });

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0) => ClinicClock.At(Chicago, new DateOnly(year, month, day), new TimeOnly(hour, minute));

    [Fact]
    public void A_request_on_friday_afternoon_is_due_by_the_end_of_tuesday_and_a_monday_holiday_moves_it_to_wednesday()
    {
        var friday = Local(2026, 11, 20, 15, 30);

        Assert.Equal(Local(2026, 11, 25, 0), Calendar().DueAfter(friday, 2));
        Assert.Equal(Local(2026, 11, 26, 0), Calendar("2026-11-23").DueAfter(friday, 2));
    }

    [Fact]
    public void A_request_on_the_weekend_counts_from_the_next_working_day_and_thanksgiving_is_skipped()
    {
        var saturday = Local(2026, 11, 21, 10);
        Assert.Equal(Local(2026, 11, 25, 0), Calendar().DueAfter(saturday, 2));

        // Wednesday before Thanksgiving: Thursday and Friday off, so Monday and Tuesday are the two business days.
        var wednesday = Local(2026, 11, 25, 9);
        Assert.Equal(Local(2026, 12, 2, 0), Calendar("2026-11-26,2026-11-27").DueAfter(wednesday, 2));
    }

    [Fact]
    public void Days_begin_at_the_clinics_midnight_not_utc()
    {
        // 23:30 Friday in Chicago is already Saturday in UTC: still a Friday request for the clinic.
        var lateFriday = Local(2026, 11, 20, 23, 30);
        Assert.Equal(DayOfWeek.Saturday, lateFriday.UtcDateTime.DayOfWeek);
        Assert.Equal(Local(2026, 11, 25, 0), Calendar().DueAfter(lateFriday, 2));
    }

    [Fact]
    public void A_due_time_across_the_end_of_daylight_saving_time_is_the_clinics_midnight()
    {
        // Clocks go back on Sunday 1 November 2026: Tuesday's midnight is at UTC-6, Friday's request at UTC-5.
        var friday = Local(2026, 10, 30, 12);
        var due = Calendar().DueAfter(friday, 2);
        Assert.Equal((new DateTime(2026, 11, 4), TimeSpan.FromHours(-6)), (due.DateTime, due.Offset));
    }

    [Fact]
    public void Business_days_waiting_count_the_working_days_begun_since_the_day_of_arrival()
    {
        var friday = Local(2026, 11, 20, 15);

        Assert.Equal(0, Calendar().BusinessDaysBetween(friday, Local(2026, 11, 22, 20)));
        Assert.Equal(1, Calendar().BusinessDaysBetween(friday, Local(2026, 11, 23, 8)));
        Assert.Equal(0, Calendar("2026-11-23").BusinessDaysBetween(friday, Local(2026, 11, 23, 8)));
        Assert.Equal(2, Calendar("2026-11-23").BusinessDaysBetween(friday, Local(2026, 11, 25, 8)));
    }

    [Theory]
    [InlineData("Monday,Funday", "")]
    [InlineData("", "")]
    [InlineData("Monday", "2026-13-01")]
    [InlineData("1", "")]
    public void Settings_it_cannot_read_are_refused(string workingDays, string holidays) =>
        Assert.False(ClinicCalendar.IsValid(new ClinicOptions { WorkingDays = workingDays, Holidays = holidays }));

    [Fact]
    public void A_clinic_open_on_saturdays_counts_them()
    {
        var calendar = ClinicCalendar.From(new ClinicOptions { WorkingDays = "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday" });
        Assert.True(ClinicCalendar.IsValid(new ClinicOptions { WorkingDays = " saturday , sunday " }));
        Assert.Equal(Local(2026, 11, 24, 0), calendar.DueAfter(Local(2026, 11, 20, 15), 2));
    }
}
