using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Notifications;
using Portal.Core.Notifications.Inbound;

namespace Portal.Azure.Notifications;

/// <summary>The adapters of texts the clinic receives: opt-outs, numbers' languages, the fallback limit and handled events, all in <c>Lookups</c>.</summary>
internal static class InboundTextAdapters
{
    public static IServiceCollection AddInboundTextAdapters(this IServiceCollection services) => services
        .AddSingleton<ISmsOptOuts, TableSmsOptOuts>()
        .AddSingleton<ISmsLanguages, TableSmsLanguages>()
        .AddSingleton<ISmsReplyLimits, TableSmsReplyLimits>()
        .AddSingleton<IProcessedEvents, TableProcessedEvents>();
}
