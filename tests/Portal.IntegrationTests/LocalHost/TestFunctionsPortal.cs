using Microsoft.Extensions.DependencyInjection;
using Portal.IntegrationTests.LocalHost.TestFunctions;
using Portal.LocalHost;

namespace Portal.IntegrationTests.LocalHost;

/// <summary>
/// A second portal serving the test assembly's own functions (LocalHost/TestFunctions), shared by the
/// machinery tests. Queue names are unique per run; failed messages are retried at once (visibilityTimeout 0).
/// </summary>
public static class TestFunctionsPortal
{
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];

    private static readonly SharedFixture<LocalPortal> Instance = new("test-functions portal", () => TestPortal.StartAsync(
        [typeof(TestFunctionsPortal).Assembly],
        new Dictionary<string, string?>
        {
            ["Tests:Schedule"] = "*/1 * * * * *",
            ["Tests:StringQueue"] = Queue("string"),
            ["Tests:PocoQueue"] = Queue("poco"),
            ["Tests:MessageQueue"] = Queue("message"),
            ["Tests:PoisonQueue"] = Queue("poison"),
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
            ["AzureFunctionsJobHost:extensions:queues:messageEncoding"] = "base64", // the Functions default, emulated here; the portal's host.json says none
        },
        services => services.AddSingleton<InvocationLog>().AddScoped<Greeter>(),
        (services, _) =>
        {
            services.GetRequiredService<InvocationLog>().Record("Seed", "ran");
            return Task.FromResult<string?>("Seeded the test functions.");
        }));

    public static Task<LocalPortal> GetAsync() => Instance.GetAsync();

    /// <summary>The queue a test function listens to, e.g. <c>Queue("poison")</c>.</summary>
    public static string Queue(string purpose) => $"tests-{purpose}-{RunId}";
}
