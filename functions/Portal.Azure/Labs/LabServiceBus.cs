using Azure.Core;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;

namespace Portal.Azure.Labs;

/// <summary>
/// The optional Service Bus connection <c>LabServiceBus</c>, named the Functions way: a connection string in
/// <c>LabServiceBus</c>, or <c>LabServiceBus__fullyQualifiedNamespace</c> (+ <c>__credential=managedidentity</c> and
/// <c>__clientId</c>) for identity-based access. Unset: no receiver, and the drain timer does nothing.
/// </summary>
internal static class LabServiceBus
{
    public const string ConnectionName = "LabServiceBus";

    public const string QueueName = "lab-results";

    public static ServiceBusClient? CreateClient(IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionName] ?? configuration[$"ConnectionStrings:{ConnectionName}"];
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
