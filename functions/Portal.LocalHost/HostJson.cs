namespace Portal.LocalHost;

/// <summary>
/// The host.json settings the local host honours. As in Azure, app settings under
/// <c>AzureFunctionsJobHost</c> override the file (e.g. <c>AzureFunctionsJobHost__extensions__queues__visibilityTimeout</c>).
/// </summary>
internal sealed record HostJson(string RoutePrefix, HostJson.QueueSettings Queues)
{
    public const string OverrideSection = "AzureFunctionsJobHost";

    /// <summary>Defaults are the Functions host's (extensions.queues in host.json v2).</summary>
    internal sealed record QueueSettings(int MaxDequeueCount, TimeSpan VisibilityTimeout, int BatchSize, TimeSpan MaxPollingInterval);

    public static HostJson Load(string directory, IConfiguration configuration)
    {
        var builder = new ConfigurationBuilder();
        var path = Path.Combine(directory, "host.json");
        if (File.Exists(path))
        {
            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        // Copied rather than chained: a chained configuration ignores empty values, and routePrefix "" is valid.
        var overrides = configuration.GetSection(OverrideSection).AsEnumerable(makePathsRelative: true).Where(setting => setting.Key.Length > 0);
        var settings = builder.AddInMemoryCollection(overrides).Build();
        var queues = settings.GetSection("extensions:queues");
        return new HostJson(
            (settings["extensions:http:routePrefix"] ?? "api").Trim('/'),
            new QueueSettings(
                queues.GetValue("maxDequeueCount", 5),
                queues.GetValue("visibilityTimeout", TimeSpan.Zero),
                Math.Clamp(queues.GetValue("batchSize", 16), 1, 32),
                queues.GetValue("maxPollingInterval", TimeSpan.FromMinutes(1))));
    }
}
