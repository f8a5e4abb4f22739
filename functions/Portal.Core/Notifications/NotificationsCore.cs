using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Notifications.Inbound;

namespace Portal.Core.Notifications;

/// <summary>Registers the notification use cases (called once from <see cref="PortalCore"/>).</summary>
public static class NotificationsCore
{
    /// <summary>Adds the dispatcher and its helpers, the sweep, preferences, the caller's own contact, and inbound texts.</summary>
    public static IServiceCollection AddNotificationsCore(this IServiceCollection services) => services
        .AddSingleton<NoticeRecipients>()
        .AddSingleton<CaregiverNotices>()
        .AddSingleton<DeliverNotice>()
        .AddSingleton<SweepNotices>()
        .AddSingleton<ListNotices>()
        .AddSingleton<GetNotificationPreferences>()
        .AddSingleton<ChangeNotificationPreferences>()
        .AddSingleton<MyNoticeContact>()
        .AddSingleton<ReceiveText>()
        .AddSingleton<ReceiveCommunicationEvents>()
        .AddSingleton<ForgetProcessedEvents>();
}
