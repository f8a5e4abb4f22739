using Microsoft.Azure.Functions.Worker;
using NCrontab;
using Portal.LocalHost.Catalog;

namespace Portal.LocalHost.Timers;

/// <summary>
/// Runs each timer function on its schedule (UTC, as in Azure without WEBSITE_TIME_ZONE). Runs of one timer
/// never overlap: occurrences that pass while it runs are skipped. A failure is logged and the schedule goes on.
/// </summary>
internal sealed class TimerFunctionScheduler : BackgroundService
{
    private static readonly TimeSpan PastDueTolerance = TimeSpan.FromSeconds(1);
    private readonly IReadOnlyList<(TimerFunction Function, CrontabSchedule Schedule)> timers;
    private readonly FunctionInvoker invoker;
    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<TimerFunctionScheduler> logger;

    /// <summary>Parses every schedule here, so a bad one stops the host at startup.</summary>
    public TimerFunctionScheduler(FunctionCatalog catalog, IConfiguration configuration, FunctionInvoker invoker, IServiceScopeFactory scopes, ILogger<TimerFunctionScheduler> logger)
    {
        timers = catalog.Timers.Select(function =>
        {
            try
            {
                return (function, CronSchedule.Parse(function.Schedule, configuration));
            }
            catch (Exception e) when (e is FormatException or CrontabException or InvalidOperationException)
            {
                throw new InvalidOperationException($"Timer function '{function.Name}' has an invalid schedule '{function.Schedule}': {e.Message}", e);
            }
        }).ToArray();
        this.invoker = invoker;
        this.scopes = scopes;
        this.logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(timers.Select(t => RunAsync(t.Function, t.Schedule, stoppingToken)));

    private async Task RunAsync(TimerFunction function, CrontabSchedule schedule, CancellationToken stoppingToken)
    {
        await Task.Yield(); // a RunOnStartup function must not hold up the host's startup
        try
        {
            var last = default(DateTime);
            if (function.RunOnStartup)
            {
                await InvokeAsync(function, schedule, last, DateTime.UtcNow, stoppingToken);
            }

            var after = DateTime.UtcNow;
            while (true)
            {
                var due = schedule.GetNextOccurrence(after);
                TimeSpan wait;
                while ((wait = due - DateTime.UtcNow) > TimeSpan.Zero)
                {
                    // Task.Delay takes at most ~49 days; it may also wake a little early.
                    await Task.Delay(wait < TimeSpan.FromDays(1) ? wait : TimeSpan.FromDays(1), stoppingToken);
                }

                await InvokeAsync(function, schedule, last, due, stoppingToken);
                last = due;
                after = DateTime.UtcNow > due ? DateTime.UtcNow : due;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task InvokeAsync(TimerFunction function, CrontabSchedule schedule, DateTime last, DateTime due, CancellationToken stoppingToken)
    {
        var now = DateTime.UtcNow;
        var timer = new TimerInfo
        {
            IsPastDue = now - due > PastDueTolerance,
            ScheduleStatus = new ScheduleStatus { Last = last, Next = schedule.GetNextOccurrence(due), LastUpdated = now },
        };
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await invoker.InvokeAsync(function, scope.ServiceProvider, "Timer fired", parameter =>
                parameter.ParameterType == typeof(TimerInfo) ? timer : stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "Timer function '{Function}' failed; its schedule continues.", function.Name);
        }
    }
}
