using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Azure.Storage;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Hosting;
using Portal.IntegrationTests.Storage;
using Portal.LocalHost;

namespace Portal.IntegrationTests;

/// <summary>
/// The real app (Portal.Functions wired by AddPortal) on a free loopback port, over <see cref="TestAzurite"/>,
/// shared by the whole test assembly. Tests keep their data apart with unique ids.
/// </summary>
public sealed class TestPortal
{
    /// <summary>Counts the storage requests of each HTTP call made to the shared portal.</summary>
    public static StorageRequestCounter StorageRequests { get; } = new();

    private static readonly SharedFixture<TestPortal> Instance = new("portal", async () => new TestPortal(await StartAsync(
        configureServices: services => services
            .AddSingleton<HttpPipelinePolicy>(StorageRequests)
            .AddSingleton<IStartupFilter, StorageRequestCounter.Tagging>())));

    private TestPortal(LocalPortal portal)
    {
        Portal = portal;
        Client = new HttpClient { BaseAddress = portal.BaseAddress };
        Storage = StorageAccount.FromConfiguration(Services.GetRequiredService<IConfiguration>(), "PortalStorage");
    }

    public LocalPortal Portal { get; }

    /// <summary>The bound address without the route prefix: request <c>api/...</c>.</summary>
    public Uri BaseAddress => Portal.BaseAddress;

    public IServiceProvider Services => Portal.Services;

    /// <summary>Its BaseAddress is <see cref="BaseAddress"/>.</summary>
    public HttpClient Client { get; }

    /// <summary>The storage account the portal uses (Azurite).</summary>
    public StorageAccount Storage { get; }

    public static Task<TestPortal> GetAsync() => Instance.GetAsync();

    /// <summary>The front end the test portal allows by CORS.</summary>
    public const string FrontEndOrigin = "https://portal-frontend.test";

    /// <summary>The Entra tenant the test portal names (SMART discovery); no token is validated against it.</summary>
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    /// <summary>The clinic's phone number in the test portal (named in SMS answers and cutoff refusals).</summary>
    public const string ClinicPhone = "+13125550100";
    /// <summary>The sending facility (MSH-4 universal id) of the test portal's configured lab.</summary>
    public const string LabFacility = "05D0000001";

    /// <summary>The assigning authority of the clinic's MRNs in the configured lab's PID-3.</summary>
    public const string LabMrnAuthority = "CLINIC-MRN";

    /// <summary>The Event Grid webhook's shared secret in the test portal.</summary>
    public const string EventsSecret = "test-events-secret";

    /// <summary>The Stripe webhook signing secret in the test portal (the development payment provider signs with it too).</summary>
    public const string StripeWebhookSecret = "whsec_test_portal_secret";

    /// <summary>Starts a portal the way the tests do: Development, a free port, the shared Azurite, quiet logs.</summary>
    public static async Task<LocalPortal> StartAsync(
        IReadOnlyList<Assembly>? functionAssemblies = null,
        IDictionary<string, string?>? configuration = null,
        Action<IServiceCollection>? configureServices = null,
        Func<IServiceProvider, CancellationToken, Task<string?>>? seed = null)
    {
        var azurite = await TestAzurite.GetAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            ["LocalHost:MaxQueuePollingInterval"] = "00:00:00.250",
            ["DevTokens:Enabled"] = "true",
            ["Cors:AllowedOrigins"] = FrontEndOrigin,
            ["Communication:EventsSecret"] = EventsSecret,
            ["Clinic:PortalUrl"] = FrontEndOrigin,
            ["AzureAd:TenantId"] = TenantId,
            ["Clinic:Phone"] = ClinicPhone,
            ["Scheduling:VideoLinkTemplate"] = "https://video.portal.test/visit/{appointmentId}",
            ["Payments:WebhookSecret"] = StripeWebhookSecret,
            ["Labs:Senders:test-lab:Facility"] = LabFacility,
            ["Labs:Senders:test-lab:MrnAuthority"] = LabMrnAuthority,
            ["Labs:Senders:test-lab:TimeZone"] = "America/Denver",

            // The demo seed's lab (functions/Portal.LocalHost/appsettings.Development.json), so the seed runs as locally.
            ["Labs:Senders:acme:Facility"] = "05D2223334",
            ["Labs:Senders:acme:MrnAuthority"] = "RFC",
        };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return await LocalPortal.StartAsync(new LocalPortalOptions
        {
            EnvironmentName = "Development",
            Urls = "http://127.0.0.1:0",
            StorageConnectionString = azurite.ConnectionString,
            FunctionAssemblies = functionAssemblies,
            Configuration = settings,
            ConfigureServices = configureServices,
            Seed = seed,
        });
    }
}
