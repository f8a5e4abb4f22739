using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;

namespace Portal.Azure.Access;

/// <summary>The Access feature's adapters: who is linked to which patient.</summary>
internal static class AccessAdapters
{
    public static IServiceCollection AddAccessAdapters(this IServiceCollection services) => services
        .AddSingleton<IPatientLinks, TablePatientLinks>();
}
