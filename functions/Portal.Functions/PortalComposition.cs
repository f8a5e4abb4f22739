using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Azure;
using Portal.Core;
using Portal.Functions.Fhir;
using Portal.Functions.Http;
using Portal.Functions.Notifications;

namespace Portal.Functions;

/// <summary>The one composition root, used by the Functions app and Portal.LocalHost alike.</summary>
public static class PortalComposition
{
    /// <summary>Registers Core's use cases, the Azure adapters and the HTTP helper the functions share.</summary>
    public static IServiceCollection AddPortal(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddPortalCore();
        services.AddAzureAdapters(configuration, environment);
        services.AddSingleton<PortalHttp>();
        services.AddSingleton<EventsSecrets>();
        services.AddSingleton<FhirHttp>();
        services.AddSingleton<SmartAuthorization>();
        return services;
    }
}
