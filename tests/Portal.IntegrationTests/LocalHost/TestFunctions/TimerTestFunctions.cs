using System.Globalization;
using Microsoft.Azure.Functions.Worker;

namespace Portal.IntegrationTests.LocalHost.TestFunctions;

/// <summary>Timer functions written as in Portal.Functions, served by the test-functions portal.</summary>
public sealed class TimerTestFunctions(InvocationLog log)
{
    [Function("TestEverySecond")]
    public Task EverySecond([TimerTrigger("* * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        log.Record("TestEverySecond", Stamp(timer.ScheduleStatus!.Next));
        return Task.CompletedTask;
    }

    [Function("TestScheduleFromSetting")]
    public void ScheduleFromSetting([TimerTrigger("%Tests:Schedule%")] TimerInfo timer) =>
        log.Record("TestScheduleFromSetting", Stamp(DateTime.UtcNow));

    /// <summary>Yearly, so only RunOnStartup makes it run during the tests.</summary>
    [Function("TestRunOnStartup")]
    public Task RunOnStartup([TimerTrigger("0 0 0 1 1 *", RunOnStartup = true)] TimerInfo timer)
    {
        log.Record("TestRunOnStartup", Stamp(DateTime.UtcNow));
        return Task.CompletedTask;
    }

    /// <summary>Takes longer than its period and always fails: runs must not overlap and must go on.</summary>
    [Function("TestSlowAndFailing")]
    public async Task SlowAndFailing([TimerTrigger("* * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromMilliseconds(1200), cancellationToken);
        log.Record("TestSlowAndFailing", $"{Stamp(started)}|{Stamp(DateTime.UtcNow)}");
        throw new InvalidOperationException("Fails on purpose.");
    }

    public static DateTime Parse(string stamp) => DateTime.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static string Stamp(DateTime time) => time.ToString("O", CultureInfo.InvariantCulture);
}
