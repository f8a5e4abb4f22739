using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Messaging;
using Portal.Core.Notifications;
using Portal.Core.Notifications.Inbound;
using Portal.Core.Patients;
using Portal.Core.Prescriptions;
using Portal.Core.Profile;
using Portal.Core.Record;
using Portal.Core.Record.Fhir;
using Portal.Core.Scheduling;

namespace Portal.Core;

/// <summary>Registers Core's use cases; adapters for the ports are registered by the host's composition root.</summary>
public static class PortalCore
{
    /// <summary>Adds the access gate and every use case.</summary>
    public static IServiceCollection AddPortalCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ChartAccess>();
        services.AddSingleton<ActivationCodeReplacement>();
        services.AddSingleton<RegisterPatient>();
        services.AddSingleton<ReissueActivationCode>();
        services.AddSingleton<RedeemActivationCode>();
        services.AddSingleton<SearchPatients>();
        services.AddSingleton<ListMyPatients>();
        services.AddSingleton<GetProfile>();
        services.AddSingleton<ChangeProfile>();
        services.AddSingleton<ListAccessLog>();
        services.AddSingleton<DeliverNotice>();
        services.AddSingleton<SweepNotices>();
        services.AddSingleton<ListNotices>();
        services.AddSingleton<GetNotificationPreferences>();
        services.AddSingleton<ChangeNotificationPreferences>();
        services.AddSingleton<ReceiveText>();
        services.AddSingleton<ReceiveCommunicationEvents>();
        services.AddSingleton<MessagePools>();
        services.AddSingleton<ThreadAccess>();
        services.AddSingleton<ThreadWrites>();
        services.AddSingleton<StartThread>();
        services.AddSingleton<ListThreads>();
        services.AddSingleton<ReadThread>();
        services.AddSingleton<ReplyToThread>();
        services.AddSingleton<AssignThread>();
        services.AddSingleton<CloseThread>();
        services.AddSingleton<ListInbox>();
        services.AddRecordUseCases();
        services.AddFhirApi();
        services.AddDocumentsAmendmentsExport();
        services.AddSchedulingCore();
        services.AddPrescriptionsCore();
        return services;
    }
}
