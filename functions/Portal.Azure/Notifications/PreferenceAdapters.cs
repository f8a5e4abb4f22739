using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Notifications;

namespace Portal.Azure.Notifications;

/// <summary>The adapters of the patients' notification preferences: one row of each chart.</summary>
internal static class PreferenceAdapters
{
    public static IServiceCollection AddNotificationPreferenceAdapters(this IServiceCollection services) => services
        .AddSingleton<INotificationPreferences, TableNotificationPreferences>();
}
