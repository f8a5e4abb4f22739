using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.LocalHost;
using Portal.LocalHost.Catalog;
using Portal.LocalHost.Queues;
using Portal.LocalHost.Timers;

namespace Portal.IntegrationTests.LocalHost;

/// <summary>Schedules and queue names are checked when the host starts (the services' constructors), without I/O.</summary>
public sealed class StartupValidationTests
{
    [Fact]
    public void A_timer_with_an_unset_schedule_setting_stops_the_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new TimerFunctionScheduler(
            FunctionCatalog.FromTypes([typeof(TimerWithUnsetSetting)]), Settings(), Invoker(), Scopes(), NullLogger<TimerFunctionScheduler>.Instance));

        Assert.Contains("Timer function 'TimerWithUnsetSetting' has an invalid schedule '%Nightly:Schedule%'", error.Message);
        Assert.Contains("App setting 'Nightly:Schedule'", error.Message);
    }

    [Fact]
    public void A_queue_name_that_storage_would_reject_stops_the_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new QueueFunctionListener(
            FunctionCatalog.FromTypes([typeof(QueueWithInvalidName)]), HostJson.Load(AppContext.BaseDirectory, Settings()), Settings(), Invoker(), Scopes(), NullLogger<QueueFunctionListener>.Instance));

        Assert.Contains("Queue function 'QueueWithInvalidName': 'lab_results' is not a valid queue name", error.Message);
    }

    private static IConfiguration Settings() => new ConfigurationBuilder().Build();

    private static FunctionInvoker Invoker() => new(NullLoggerFactory.Instance);

    private static IServiceScopeFactory Scopes() => new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>();

    private sealed class TimerWithUnsetSetting
    {
        [Function("TimerWithUnsetSetting")]
        public Task Run([TimerTrigger("%Nightly:Schedule%")] TimerInfo timer) => Task.CompletedTask;
    }

    private sealed class QueueWithInvalidName
    {
        [Function("QueueWithInvalidName")]
        public Task Run([QueueTrigger("Lab_Results")] string message) => Task.CompletedTask;
    }
}
