using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;

namespace Portal.Azure.Labs;

/// <summary>
/// The optional Service Bus connection <c>ServiceBus</c>, named the Functions way: a connection string in
/// <c>ServiceBus</c>, or <c>ServiceBus__fullyQualifiedNamespace</c> (+ <c>__credential=managedidentity</c> and
/// <c>__clientId</c>) for identity-based access; the queue is <c>ServiceBus__labResultsQueue</c> (default
/// <c>lab-results</c>). Unset (infra's <c>enableServiceBus</c> is off by default): no receiver, and the drain does nothing.
/// </summary>
internal static class LabServiceBus
{
    public const string ConnectionName = "ServiceBus";

    public const string DefaultQueueName = "lab-results";

    public static string QueueName(IConfiguration configuration) =>
        configuration[$"{ConnectionName}:labResultsQueue"] is { Length: > 0 } name ? name : DefaultQueueName;

    public static ServiceBusClient? CreateClient(IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new ServiceBusClient(connectionString);
        }

        var section = configuration.GetSection(ConnectionName);
        var fullyQualifiedNamespace = section["fullyQualifiedNamespace"];
        if (string.IsNullOrWhiteSpace(fullyQualifiedNamespace))
        {
            return null;
        }

        TokenCredential credential = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(
                section["clientId"] ?? throw new InvalidOperationException($"'{ConnectionName}__clientId' is required with '{ConnectionName}__credential=managedidentity'.")))
            : new DefaultAzureCredential();
        return new ServiceBusClient(fullyQualifiedNamespace, credential);
    }
}
