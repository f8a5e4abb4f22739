using System.Reflection;

namespace Portal.LocalHost;

/// <summary>How to run the portal locally. The defaults are those of <c>dotnet run</c>.</summary>
public sealed class LocalPortalOptions
{
    public string[] Args { get; init; } = [];

    /// <summary>
    /// The storage to use, set as both <c>PortalStorage</c> and <c>AzureWebJobsStorage</c>. Null: the configured
    /// <c>PortalStorage</c> (appsettings, environment, arguments) if any, else an Azurite started on its default
    /// ports 10000-10002 with its data in <c>&lt;repo&gt;/.azurite/</c>.
    /// </summary>
    public string? StorageConnectionString { get; init; }

    /// <summary>Null: ASPNETCORE_ENVIRONMENT / DOTNET_ENVIRONMENT, else Development.</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>Null: <c>--urls</c> / ASPNETCORE_URLS, else <see cref="DefaultUrls"/>. Port 0 picks a free port.</summary>
    public string? Urls { get; init; }

    public const string DefaultUrls = "http://127.0.0.1:7071";

    /// <summary>The assemblies whose <c>[Function]</c> methods are served; null: Portal.Functions.</summary>
    public IReadOnlyList<Assembly>? FunctionAssemblies { get; init; }

    /// <summary>Extra settings, over appsettings and environment variables (e.g. <c>AzureFunctionsJobHost:extensions:queues:visibilityTimeout</c>).</summary>
    public IDictionary<string, string?>? Configuration { get; init; }

    /// <summary>Run once after the host has started; the text it returns is kept in <see cref="LocalPortal.SeedOutput"/>.</summary>
    public Func<IServiceProvider, CancellationToken, Task<string?>>? Seed { get; init; }

    /// <summary>Runs after <c>AddPortal</c>, so tests can add or replace services.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
