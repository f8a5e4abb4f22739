using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Portal.Azure;

/// <summary>The one composition root, used by the Functions app and the local host alike.</summary>
public static class PortalServiceCollectionExtensions
{
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        return services;
    }
}
