using Azure.Storage.Queues;
using Portal.Functions;

namespace Portal.LocalHost;

/// <summary>
/// The host.json settings the local host honours. As in Azure, app settings under
/// <c>AzureFunctionsJobHost</c> override the file (e.g. <c>AzureFunctionsJobHost__extensions__queues__visibilityTimeout</c>).
/// </summary>
internal sealed record HostJson(string RoutePrefix, HostJson.QueueSettings Queues)
{
    /// <summary>Defaults are the Functions host's (extensions.queues in host.json v2; <c>messageEncoding</c> base64 or none).</summary>
    internal sealed record QueueSettings(int MaxDequeueCount, TimeSpan VisibilityTimeout, int BatchSize, TimeSpan MaxPollingInterval, QueueMessageEncoding MessageEncoding);

    public static HostJson Load(string directory, IConfiguration configuration)
    {
        var settings = HostSettings.Load(directory, configuration);
        var queues = settings.GetSection("extensions:queues");
        return new HostJson(
            HostSettings.RoutePrefix(settings),
            new QueueSettings(
                queues.GetValue("maxDequeueCount", 5),
                queues.GetValue("visibilityTimeout", TimeSpan.Zero),
                Math.Clamp(queues.GetValue("batchSize", 16), 1, 32),
                queues.GetValue("maxPollingInterval", TimeSpan.FromMinutes(1)),
                queues.GetValue("messageEncoding", "base64")?.ToLowerInvariant() switch
                {
                    "base64" => QueueMessageEncoding.Base64,
                    "none" => QueueMessageEncoding.None,
                    var other => throw new InvalidOperationException($"host.json extensions.queues.messageEncoding '{other}' is neither base64 nor none."),
                }));
    }
}
