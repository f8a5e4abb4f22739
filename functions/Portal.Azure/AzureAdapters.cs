using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Azure.Access;
using Portal.Azure.Audit;
using Portal.Azure.Fhir;
using Portal.Azure.Files;
using Portal.Azure.Billing;
using Portal.Azure.Caregivers;
using Portal.Azure.Identity;
using Portal.Azure.Journal;
using Portal.Azure.Labs;
using Portal.Azure.Messaging;
using Portal.Azure.Notifications;
using Portal.Azure.Patients;
using Portal.Azure.Prescriptions;
using Portal.Azure.Profile;
using Portal.Azure.Record;
using Portal.Azure.Scheduling;
using Portal.Azure.SelfCheck;
using Portal.Azure.Storage;
using Portal.Azure.Tables;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Profile;

namespace Portal.Azure;

/// <summary>Registers the adapters: storage, authentication and CORS (part of <c>AddPortal</c>, the composition root).</summary>
public static class AzureAdapters
{
    /// <summary>The storage connection name of the app's data (tables, queues, blobs).</summary>
    public const string StorageConnection = "PortalStorage";

    /// <summary>Registers the storage adapters for Core's ports, authentication and CORS.</summary>
    public static IServiceCollection AddAzureAdapters(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddPortalAuthentication(configuration, environment);
        services.AddOptions<ClinicOptions>().Bind(configuration.GetSection(ClinicOptions.Section))
            .Validate(clinic => ContactRules.IsIanaTimeZone(clinic.TimeZone), "Clinic:TimeZone must be an IANA time zone such as America/Chicago.")
            .ValidateOnStart();
        services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins((configuration["Cors:AllowedOrigins"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .AllowAnyHeader()
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithExposedHeaders("ETag", "Location", "WWW-Authenticate")));

        services.AddSingleton(_ => StorageAccount.FromConfiguration(configuration, StorageConnection));
        services.AddSingleton(provider => new PortalTables(
            provider.GetRequiredService<StorageAccount>().CreateTableServiceClient(new TableClientOptions().With(provider))));
        services.AddSingleton(provider => provider.GetRequiredService<StorageAccount>().CreateQueueServiceClient(new QueueClientOptions().With(provider)));
        services.AddSingleton(provider => provider.GetRequiredService<StorageAccount>().CreateBlobServiceClient(new BlobClientOptions().With(provider)));
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<IRequestReplays, IdempotencyReplays>();

        // Each feature registers its own adapters, in its own folder.
        return services
            .AddAccessAdapters()
            .AddAuditAdapters()
            .AddFileAdapters()
            .AddBillingAdapters(configuration, environment)
            .AddNotificationAdapters(configuration, environment)
            .AddNotificationPreferenceAdapters()
            .AddInboundTextAdapters()
            .AddLabsAdapters(configuration)
            .AddMessagingAdapters(configuration)
            .AddPatientAdapters()
            .AddProfileAdapters()
            .AddRecordAdapters()
            .AddFhirAdapters(configuration)
            .AddDocumentsAmendmentsExportAdapters(configuration)
            .AddSchedulingAdapters(configuration)
            .AddPrescriptionAdapters(configuration)
            .AddCaregiverAdapters(configuration)
            .AddJournalAdapters()
            .AddSelfCheckAdapters();
    }
}
