using Microsoft.Extensions.Configuration;

namespace Portal.Functions;

/// <summary>
/// host.json as the Functions host reads it: the file beside the app, overridden by app settings under
/// <c>AzureFunctionsJobHost</c> (e.g. <c>AzureFunctionsJobHost__extensions__http__routePrefix</c>).
/// The local host and the OpenAPI document both take the route prefix from here.
/// </summary>
public static class HostSettings
{
    /// <summary>The app-settings section whose values override host.json.</summary>
    public const string OverrideSection = "AzureFunctionsJobHost";

    /// <summary>The host.json in <paramref name="directory"/> (if any) with the overrides from <paramref name="appSettings"/>.</summary>
    public static IConfiguration Load(string directory, IConfiguration appSettings)
    {
        var builder = new ConfigurationBuilder();
        var path = Path.Combine(directory, "host.json");
        if (File.Exists(path))
        {
            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        // Copied rather than chained: a chained configuration ignores empty values, and routePrefix "" is valid.
        var overrides = appSettings.GetSection(OverrideSection).AsEnumerable(makePathsRelative: true).Where(setting => setting.Key.Length > 0);
        return builder.AddInMemoryCollection(overrides).Build();
    }

    /// <summary>The HTTP route prefix without slashes: <c>extensions.http.routePrefix</c>, <c>api</c> when unset, possibly empty.</summary>
    public static string RoutePrefix(IConfiguration hostSettings) =>
        (hostSettings["extensions:http:routePrefix"] ?? "api").Trim('/');
}
