using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Azure.Storage;
using Portal.Core.Notifications;

namespace Portal.Azure.Notifications;

/// <summary>
/// The Notifications feature's adapters. The senders are chosen by configuration, never silently: Communication
/// Services when it is configured; the development outbox in Development otherwise; anywhere else the app
/// refuses to start rather than drop every notice.
/// </summary>
internal static class NotificationAdapters
{
    public static IServiceCollection AddNotificationAdapters(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new CommunicationOptions
        {
            Endpoint = configuration["Communication:Endpoint"],
            ClientId = configuration["Communication:ClientId"],
            ConnectionString = configuration["Communication:ConnectionString"],
            SmsFromNumber = configuration["Sms:FromNumber"],
            EmailSenderAddress = configuration["Email:SenderAddress"],
        };
        services.AddSingleton<TableNotices>();
        services.AddSingleton<INotices>(provider => provider.GetRequiredService<TableNotices>());
        services.AddSingleton<IDeliveryReports>(provider => provider.GetRequiredService<TableNotices>());
        services.AddSingleton<INoticeContacts, TableNoticeContacts>();
        services.AddSingleton<INoticeQueue>(provider => new QueueNotices(provider.GetRequiredService<StorageAccount>()
            .CreateQueueServiceClient(new QueueClientOptions().With(provider))
            .GetQueueClient(QueueNotices.QueueName)));

        if (options.IsConfigured)
        {
            services.AddSingleton(options);
            services.AddSingleton(provider => new AcsClient(options, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<AcsClient>>()));
            services.AddSingleton<ISmsSender, AcsSmsSender>();
            services.AddSingleton<IEmailSender, AcsEmailSender>();
        }
        else if (environment.IsDevelopment())
        {
            services.AddSingleton(provider => new DevelopmentOutbox(
                provider.GetRequiredService<StorageAccount>().CreateTableServiceClient(new TableClientOptions().With(provider)),
                provider.GetRequiredService<TimeProvider>()));
            services.AddHostedService(provider => provider.GetRequiredService<DevelopmentOutbox>());
            services.AddSingleton<ISmsSender>(provider => provider.GetRequiredService<DevelopmentOutbox>());
            services.AddSingleton<IEmailSender>(provider => provider.GetRequiredService<DevelopmentOutbox>());
        }
        else
        {
            throw new InvalidOperationException(
                "Communication:Endpoint is not configured, so the portal could send no SMS or e-mail. Set it (infra/ does), or Communication:ConnectionString. See docs/CONFIGURATION.md.");
        }

        return services;
    }
}
