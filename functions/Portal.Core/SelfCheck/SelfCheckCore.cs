using Microsoft.Extensions.DependencyInjection;

namespace Portal.Core.SelfCheck;

/// <summary>Registers the self-check's use cases (called once from <see cref="PortalCore"/>).</summary>
public static class SelfCheckCore
{
    /// <summary>The self-check and the "still correct" confirmations.</summary>
    public static IServiceCollection AddSelfCheck(this IServiceCollection services) => services
        .AddSingleton<GetSelfCheck>()
        .AddSingleton<ConfirmSection>();
}
