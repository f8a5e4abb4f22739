using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.LocalHost.TestFunctions;

namespace Portal.IntegrationTests.LocalHost;

/// <summary>Timer functions run on their NCRONTAB schedules in the test-functions portal.</summary>
public sealed class TimerFunctionTests
{
    [Fact]
    public async Task Fires_an_every_second_timer_with_its_next_occurrence()
    {
        var log = await LogAsync();

        var runs = await log.WaitForAsync("TestEverySecond", 2);

        var next = runs.Select(TimerTestFunctions.Parse).ToArray();
        Assert.All(next.Zip(next.Skip(1)), pair => Assert.True(pair.Second > pair.First));
    }

    [Fact]
    public async Task Resolves_a_schedule_from_an_app_setting()
    {
        var log = await LogAsync();

        await log.WaitForAsync("TestScheduleFromSetting", 1);
    }

    [Fact]
    public async Task Runs_a_RunOnStartup_timer_once_at_startup()
    {
        var log = await LogAsync();

        await log.WaitForAsync("TestRunOnStartup", 1);

        Assert.Single(log.Get("TestRunOnStartup"));
    }

    [Fact]
    public async Task Never_overlaps_runs_and_keeps_the_schedule_after_failures()
    {
        var log = await LogAsync();

        var runs = (await log.WaitForAsync("TestSlowAndFailing", 2))
            .Select(run => run.Split('|').Select(TimerTestFunctions.Parse).ToArray())
            .ToArray();

        Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.True(pair.Second[0] >= pair.First[1], "a run started before the previous one ended"));
    }

    private static async Task<InvocationLog> LogAsync() =>
        (await TestFunctionsPortal.GetAsync()).Services.GetRequiredService<InvocationLog>();
}
