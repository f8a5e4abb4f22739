using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Caregivers;

namespace Portal.Azure.Caregivers;

/// <summary>The Caregivers feature's adapters and settings (section <c>Caregivers</c>).</summary>
internal static class CaregiverAdapters
{
    public static IServiceCollection AddCaregiverAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CaregiverOptions>().Bind(configuration.GetSection(CaregiverOptions.Section))
            .Validate(options => options.Unknown().Count == 0, "Caregivers:AdolescentGuardianSees names categories (appointments, billing, messages …) or record sections (immunizations, allergies …).")
            .Validate(options => options.AdolescentFromAge is > 0 and < 18 && options.AdultAge > options.AdolescentFromAge, "Caregivers: 0 < AdolescentFromAge < 18, AdultAge above it.")
            .ValidateOnStart();
        return services
            .AddSingleton<IProxyGrants, TableProxyGrants>()
            .AddSingleton<IProxyInvitations, TableProxyInvitations>()
            .AddSingleton<IProxyRequests, TableProxyRequests>()
            .AddSingleton<IGuardianBirthdays, TableGuardianBirthdays>();
    }
}
