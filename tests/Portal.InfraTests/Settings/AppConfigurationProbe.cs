using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Functions;

namespace Portal.InfraTests.Settings;

/// <summary>
/// Finds the configuration keys the app reads: wires it with <see cref="PortalComposition.AddPortal"/>
/// over a recording configuration, then makes every registered options type bind (for the default
/// name, every registered name and every authentication scheme) and resolves every registered
/// service, so reads in factories and constructors are seen too. Generic on purpose: new options
/// and services the app team adds are probed without changing this test.
/// </summary>
internal static class AppConfigurationProbe
{
    private static readonly TimeSpan PerServiceTimeout = TimeSpan.FromSeconds(5);

    /// <param name="Reads">Every key read or section enumerated.</param>
    /// <param name="Problems">Options or services that could not be built with the probe values (informational).</param>
    /// <param name="CompositionError">Set when the composition root itself threw.</param>
    public sealed record Probe(ConfigurationReads Reads, IReadOnlyList<string> Problems, string? CompositionError = null);

    public static Probe Run(IReadOnlyDictionary<string, string?> values, string environmentName = "Production") =>
        Run(values, (services, configuration, environment) => services.AddPortal(configuration, environment), environmentName);

    /// <summary>Probes an arbitrary composition root (the tests of this probe use their own).</summary>
    public static Probe Run(
        IReadOnlyDictionary<string, string?> values,
        Action<IServiceCollection, IConfiguration, IHostEnvironment> compose,
        string environmentName = "Production")
    {
        var source = new RecordingConfigurationSource(values);
        var configuration = new ConfigurationBuilder().Add(source).Build();
        var environment = new ProbeHostEnvironment(environmentName);
        var problems = new List<string>();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddLogging(logging => logging.ClearProviders());
        services.AddOptions();
        try
        {
            compose(services, configuration, environment);
        }
        catch (Exception e)
        {
            return new Probe(source.Reads, problems, $"{e.GetType().Name}: {e.Message}");
        }

        var provider = services.BuildServiceProvider();
        try
        {
            var names = NamesToProbe(provider);
            foreach (var optionsType in OptionsTypes(services))
            {
                BindOptions(provider, optionsType, names, problems);
            }

            foreach (var descriptor in services.ToArray())
            {
                Resolve(provider, descriptor, problems);
            }
        }
        finally
        {
            try
            {
                // Some services are only IAsyncDisposable; Dispose() would throw for them.
                provider.DisposeAsync().AsTask().Wait(PerServiceTimeout);
            }
            catch (Exception e)
            {
                problems.Add($"dispose: {e.GetType().Name}: {e.Message}");
            }
        }

        return new Probe(source.Reads, problems);
    }

    /// <summary>T for every registered IConfigureOptions&lt;T&gt;, IConfigureNamedOptions&lt;T&gt;, IPostConfigureOptions&lt;T&gt; or change-token source.</summary>
    private static IEnumerable<Type> OptionsTypes(IServiceCollection services)
    {
        Type[] kinds =
        [
            typeof(IConfigureOptions<>),
            typeof(IConfigureNamedOptions<>),
            typeof(IPostConfigureOptions<>),
            typeof(IOptionsChangeTokenSource<>),
        ];
        return services
            .Select(d => d.ServiceType)
            .Where(t => t.IsConstructedGenericType && kinds.Contains(t.GetGenericTypeDefinition()))
            .Select(t => t.GenericTypeArguments[0])
            .Where(t => !t.ContainsGenericParameters)
            .Distinct();
    }

    /// <summary>The default options name, "Bearer", and every registered authentication scheme name.</summary>
    private static HashSet<string> NamesToProbe(IServiceProvider provider)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { Options.DefaultName, "Bearer" };
        try
        {
            if (provider.GetService<IAuthenticationSchemeProvider>() is { } schemes)
            {
                foreach (var scheme in schemes.GetAllSchemesAsync().GetAwaiter().GetResult())
                {
                    names.Add(scheme.Name);
                }
            }
        }
        catch (Exception)
        {
            // No authentication, or it cannot start with probe values: the default names still run.
        }

        return names;
    }

    private static void BindOptions(IServiceProvider provider, Type optionsType, HashSet<string> names, List<string> problems)
    {
        var localNames = new HashSet<string>(names, StringComparer.Ordinal);

        // Named registrations (OptionsBuilder<T>.Bind, ConfigureNamedOptions, change-token sources) carry their name.
        foreach (var kind in new[] { typeof(IConfigureOptions<>), typeof(IPostConfigureOptions<>), typeof(IOptionsChangeTokenSource<>) })
        {
            try
            {
                var all = provider.GetService(typeof(IEnumerable<>).MakeGenericType(kind.MakeGenericType(optionsType)));
                foreach (var instance in (all as System.Collections.IEnumerable)?.Cast<object>() ?? [])
                {
                    if (instance.GetType().GetProperty("Name")?.GetValue(instance) is string name)
                    {
                        localNames.Add(name);
                    }
                }
            }
            catch (Exception e)
            {
                problems.Add($"{kind.Name}<{optionsType.Name}>: {e.GetType().Name}: {e.Message}");
            }
        }

        object monitor;
        try
        {
            monitor = provider.GetRequiredService(typeof(IOptionsMonitor<>).MakeGenericType(optionsType));
        }
        catch (Exception e)
        {
            problems.Add($"IOptionsMonitor<{optionsType.Name}>: {e.GetType().Name}: {e.Message}");
            return;
        }

        var get = monitor.GetType().GetMethod(nameof(IOptionsMonitor<object>.Get), [typeof(string)])!;
        foreach (var name in localNames)
        {
            try
            {
                get.Invoke(monitor, [name]);
            }
            catch (Exception e)
            {
                // Validation or post-configure may reject probe values; the reads are recorded already.
                var inner = e.InnerException ?? e;
                problems.Add($"{optionsType.Name}[{name}]: {inner.GetType().Name}: {inner.Message}");
            }
        }
    }

    private static void Resolve(IServiceProvider provider, ServiceDescriptor descriptor, List<string> problems)
    {
        var type = descriptor.ServiceType;
        if (type.ContainsGenericParameters)
        {
            return;
        }

        var resolution = Task.Run(() =>
        {
            if (descriptor.IsKeyedService)
            {
                return ((IKeyedServiceProvider)provider).GetKeyedService(type, descriptor.ServiceKey);
            }

            return type.IsConstructedGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
                ? provider.GetService(type)
                : provider.GetServices(type).ToArray();
        });
        try
        {
            if (!resolution.Wait(PerServiceTimeout))
            {
                problems.Add($"{type.Name}: not resolved within {PerServiceTimeout.TotalSeconds} s");
            }
        }
        catch (AggregateException e)
        {
            var inner = e.InnerException ?? e;
            problems.Add($"{type.Name}: {inner.GetType().Name}: {inner.Message}");
        }
    }

    private sealed class ProbeHostEnvironment(string environmentName) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = environmentName;

        public string ApplicationName { get; set; } = "Portal.Functions";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
