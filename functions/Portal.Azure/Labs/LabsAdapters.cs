using Azure.Messaging.ServiceBus;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Core.Labs.Ingestion;
using Portal.Core.Labs.Results;

namespace Portal.Azure.Labs;

/// <summary>The Labs feature's adapters: results in the charts, the message ledger and archive, the unmatched work queue.</summary>
internal static class LabsAdapters
{
    public static IServiceCollection AddLabsAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LabsOptions>().Bind(configuration.GetSection(LabsOptions.Section))
            .Validate(options => options.Senders.Values.All(s => s.Facility.Length > 0 && s.MrnAuthority.Length > 0
                    && (s.TimeZone.Length == 0 || TimeZoneInfo.TryFindSystemTimeZoneById(s.TimeZone, out _))),
                "Every Labs:Senders entry needs a Facility and an MrnAuthority; its TimeZone, if set, must be an IANA zone.")
            .ValidateOnStart();
        services.AddSingleton<ILabResults, TableLabResults>();
        services.AddSingleton<ILabMessages, TableLabMessages>();
        services.AddSingleton<IUnmatchedResults, TableUnmatchedResults>();
        services.AddSingleton<ILabRejections>(provider => new QueueLabRejections(provider.GetRequiredService<QueueServiceClient>()));

        // Service Bus is optional: without a namespace the drain has no receiver and does nothing.
        var client = LabServiceBus.CreateClient(configuration);
        services.AddSingleton(provider => new ServiceBusLabDrain(
            provider.GetRequiredService<IngestLabMessage>(),
            client?.CreateReceiver(LabServiceBus.QueueName(configuration), new ServiceBusReceiverOptions { ReceiveMode = ServiceBusReceiveMode.PeekLock }),
            provider.GetRequiredService<ILogger<ServiceBusLabDrain>>()));
        return services;
    }
}
