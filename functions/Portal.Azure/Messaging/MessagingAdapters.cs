using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Messaging;

namespace Portal.Azure.Messaging;

/// <summary>The Messaging feature's adapters: threads and the pools' inboxes in tables, and the pools' configuration.</summary>
internal static class MessagingAdapters
{
    public static IServiceCollection AddMessagingAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MessagingOptions>().Bind(configuration.GetSection(MessagingOptions.Section))
            .Validate(options => options.Pools.Count > 0 && options.Pools.Values.All(p => p.StaffRole.Length > 0 && p.DisplayName.Length > 0 && p.ResponseBusinessDays > 0),
                "Every Messaging:Pools entry needs a DisplayName, a StaffRole and ResponseBusinessDays of 1 or more.")
            .ValidateOnStart();
        return services
            .AddSingleton<IMessageThreads, TableMessageThreads>()
            .AddSingleton<IAttachments, TableAttachments>();
    }
}
