using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Profile;

namespace Portal.Azure.Profile;

/// <summary>The Profile feature's adapters: the profile row of each chart.</summary>
internal static class ProfileAdapters
{
    public static IServiceCollection AddProfileAdapters(this IServiceCollection services) => services
        .AddSingleton<IProfiles, TableProfiles>();
}
