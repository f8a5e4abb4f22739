using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Azure.Storage;

/// <summary>Applies every <see cref="HttpPipelinePolicy"/> registered in DI to the storage clients (tests count requests this way).</summary>
internal static class StorageRequestPolicies
{
    public static T With<T>(this T options, IServiceProvider services)
        where T : ClientOptions
    {
        foreach (var policy in services.GetServices<HttpPipelinePolicy>())
        {
            options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }

        return options;
    }
}
