using Microsoft.Extensions.Configuration;
using NCrontab;
using Portal.LocalHost.Timers;

namespace Portal.IntegrationTests.LocalHost;

public sealed class CronScheduleTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Reads_six_fields_with_seconds()
    {
        var schedule = CronSchedule.Parse("*/10 * * * * *", Settings());

        Assert.Equal(Start.AddSeconds(10), schedule.GetNextOccurrence(Start));
    }

    [Fact]
    public void Reads_five_fields_without_seconds()
    {
        var schedule = CronSchedule.Parse("*/5 * * * *", Settings());

        Assert.Equal(Start.AddMinutes(5), schedule.GetNextOccurrence(Start));
    }

    [Fact]
    public void Resolves_percent_settings_from_configuration()
    {
        var schedule = CronSchedule.Parse("%Reminders:Schedule%", Settings(("Reminders:Schedule", "0 0 * * * *")));

        Assert.Equal(Start.AddHours(1), schedule.GetNextOccurrence(Start));
    }

    [Fact]
    public void Names_a_missing_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CronSchedule.Parse("%Missing%", Settings()));

        Assert.Contains("App setting 'Missing'", error.Message);
    }

    [Theory]
    [InlineData("00:05:00")]
    [InlineData("* * * *")]
    public void Rejects_what_is_not_ncrontab(string expression) =>
        Assert.Throws<FormatException>(() => CronSchedule.Parse(expression, Settings()));

    [Fact]
    public void Rejects_an_invalid_field() =>
        Assert.Throws<CrontabException>(() => CronSchedule.Parse("61 * * * * *", Settings()));

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
