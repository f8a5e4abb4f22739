using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Portal.Azure;
using Portal.Azure.Storage;
using Portal.Functions;
using Portal.LocalHost.Catalog;
using Portal.LocalHost.Http;
using Portal.LocalHost.Queues;
using Portal.LocalHost.Storage;
using Portal.LocalHost.Timers;

namespace Portal.LocalHost;

/// <summary>
/// Portal.Functions served on one machine: its HTTP functions through ASP.NET Core, its timers on their
/// schedules, its queue functions from Storage queues, all wired by the same <c>AddPortal</c> as in Azure.
/// </summary>
public sealed class LocalPortal : IAsyncDisposable
{
    private const string PortalStorage = "PortalStorage";
    private const string AzureWebJobsStorage = "AzureWebJobsStorage";

    private readonly WebApplication app;
    private readonly Azurite? azurite;
    private readonly ILoggerFactory? startupLogging;

    private LocalPortal(WebApplication app, Azurite? azurite, ILoggerFactory? startupLogging, string routePrefix, string? storageConnectionString)
    {
        this.app = app;
        this.azurite = azurite;
        this.startupLogging = startupLogging;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        ApiBaseAddress = routePrefix.Length == 0 ? BaseAddress : new Uri(BaseAddress, routePrefix + "/");
        StorageConnectionString = storageConnectionString;
    }

    /// <summary>The bound address (the real port when 0 was asked), without the route prefix; ends with '/'.</summary>
    public Uri BaseAddress { get; }

    /// <summary><see cref="BaseAddress"/> plus the host.json route prefix (e.g. <c>http://127.0.0.1:7071/api/</c>).</summary>
    public Uri ApiBaseAddress { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>The storage connection string in use; null only when PortalStorage is configured identity-based.</summary>
    public string? StorageConnectionString { get; }

    /// <summary>What <see cref="LocalPortalOptions.Seed"/> returned.</summary>
    public string? SeedOutput { get; private set; }

    public static async Task<LocalPortal> StartAsync(LocalPortalOptions options, CancellationToken cancellationToken = default)
    {
        // Unsupported function signatures fail here, before anything starts.
        var catalog = FunctionCatalog.FromAssemblies(options.FunctionAssemblies ?? [FunctionsAssembly.Value]);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = options.Args,
            EnvironmentName = options.EnvironmentName
                ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                ?? Environments.Development,
            ApplicationName = typeof(LocalPortal).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory, // finds appsettings whatever the working directory
        });
        if (options.Configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(options.Configuration);
        }

        if (options.Urls is not null || builder.Configuration[WebHostDefaults.ServerUrlsKey] is null)
        {
            builder.WebHost.UseUrls(options.Urls ?? LocalPortalOptions.DefaultUrls);
        }

        Azurite? azurite = null;
        ILoggerFactory? startupLogging = null;
        WebApplication? app = null;
        try
        {
            var connectionString = options.StorageConnectionString;
            if (connectionString is null && !StorageAccount.IsConfigured(builder.Configuration, PortalStorage))
            {
                startupLogging = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
                azurite = await Azurite.StartAsync(
                    new AzuriteOptions
                    {
                        DataDirectory = Path.Combine(RepositoryRoot.Find(), ".azurite"),
                        BlobPort = AzuriteOptions.DefaultBlobPort,
                        QueuePort = AzuriteOptions.DefaultQueuePort,
                        TablePort = AzuriteOptions.DefaultTablePort,
                    },
                    startupLogging.CreateLogger<Azurite>(),
                    cancellationToken);
                connectionString = azurite.ConnectionString;
            }

            UseStorage(builder.Configuration, connectionString);
            var hostJson = HostJson.Load(AppContext.BaseDirectory, builder.Configuration);
            builder.Services.AddMvcCore(); // the IActionResult executors and System.Text.Json (camelCase) output
            builder.Services.AddSingleton(catalog).AddSingleton(hostJson).AddSingleton<FunctionInvoker>();
            builder.Services.AddHostedService<TimerFunctionScheduler>().AddHostedService<QueueFunctionListener>();
            builder.Services.AddPortal(builder.Configuration, builder.Environment);
            options.ConfigureServices?.Invoke(builder.Services);

            app = builder.Build();
            app.UseCors(); // Azure's platform CORS does this in front of the Functions host.
            app.MapHttpFunctions(catalog.Http, hostJson.RoutePrefix);
            await app.StartAsync(cancellationToken);

            var portal = new LocalPortal(app, azurite, startupLogging, hostJson.RoutePrefix, builder.Configuration[PortalStorage]);
            if (options.Seed is not null)
            {
                portal.SeedOutput = await options.Seed(app.Services, cancellationToken);
            }

            return portal;
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            startupLogging?.Dispose();
            throw;
        }
    }

    /// <summary>Completes when the host is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the app, then the Azurite it started, if any.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }

        startupLogging?.Dispose();
    }

    /// <summary>
    /// An explicit connection string becomes both PortalStorage and AzureWebJobsStorage; a configured
    /// PortalStorage is copied to AzureWebJobsStorage when that is not set, so queue triggers without
    /// a Connection use the same account, as in Azure.
    /// </summary>
    private static void UseStorage(ConfigurationManager configuration, string? connectionString)
    {
        if (connectionString is not null)
        {
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [PortalStorage] = connectionString,
                [AzureWebJobsStorage] = connectionString,
            });
        }
        else if (!StorageAccount.IsConfigured(configuration, AzureWebJobsStorage))
        {
            configuration.AddInMemoryCollection(configuration.GetSection(PortalStorage).AsEnumerable(makePathsRelative: true)
                .Select(setting => KeyValuePair.Create(setting.Key.Length == 0 ? AzureWebJobsStorage : $"{AzureWebJobsStorage}:{setting.Key}", setting.Value)));
        }
    }
}
