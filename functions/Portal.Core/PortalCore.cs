using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Billing;
using Portal.Core.Caregivers;
using Portal.Core.Journal;
using Portal.Core.Labs;
using Portal.Core.Messaging;
using Portal.Core.Notifications;
using Portal.Core.Patients;
using Portal.Core.Prescriptions;
using Portal.Core.Profile;
using Portal.Core.Record;
using Portal.Core.Record.Fhir;
using Portal.Core.Scheduling;
using Portal.Core.SelfCheck;

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
        services.AddNotificationsCore();
        services.AddMessagingCore();
        services.AddRecordUseCases();
        services.AddFhirApi();
        services.AddDocumentsAmendmentsExport();
        services.AddSchedulingCore();
        services.AddPrescriptionsCore();
        services.AddBilling();
        services.AddLabs();
        services.AddCaregivers();
        services.AddJournal();
        services.AddSelfCheck();
        return services;
    }
}
