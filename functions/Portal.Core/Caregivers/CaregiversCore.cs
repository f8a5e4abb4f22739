using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Clinic;

namespace Portal.Core.Caregivers;

/// <summary>Registers caregiver access (called once from <see cref="PortalCore"/>).</summary>
public static class CaregiversCore
{
    /// <summary>Adds the clinic's caregiver rules (for the policy) and the invitation, grant, request and birthday use cases.</summary>
    public static IServiceCollection AddCaregivers(this IServiceCollection services)
    {
        services.AddOptions<CaregiverOptions>();
        return services
            .AddSingleton(provider => provider.GetRequiredService<IOptions<CaregiverOptions>>().Value.ToRules(provider.GetRequiredService<IOptions<ClinicOptions>>().Value))
            .AddSingleton<GrantWrites>()
            .AddSingleton<InviteCaregiver>()
            .AddSingleton<RedeemInvitation>()
            .AddSingleton<CancelInvitation>()
            .AddSingleton<ListProxies>()
            .AddSingleton<ChangeGrant>()
            .AddSingleton<RevokeGrant>()
            .AddSingleton<EndMyAccess>()
            .AddSingleton<ProxyRequestAccess>()
            .AddSingleton<RequestProxyAccess>()
            .AddSingleton<AddRequestDocument>()
            .AddSingleton<ReadProxyRequest>()
            .AddSingleton<ListProxyRequests>()
            .AddSingleton<DecideProxyRequest>()
            .AddSingleton<EndGuardianGrantsAtAdulthood>();
    }
}
