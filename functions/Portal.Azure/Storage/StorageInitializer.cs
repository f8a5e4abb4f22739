using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Portal.Azure.Tables;

namespace Portal.Azure.Storage;

/// <summary>
/// Creates the tables, queues and containers at start-up when missing. In Azure, infra/ has made them
/// already and this costs a few idempotent calls; locally it prepares a fresh Azurite.
/// </summary>
internal sealed class StorageInitializer(PortalTables tables, QueueServiceClient queues, BlobServiceClient blobs) : IHostedService
{
    public static readonly IReadOnlyList<string> Queues = ["notifications", "notifications-poison", "lab-results", "lab-results-poison"];

    public static readonly IReadOnlyList<string> Containers = ["documents", "attachments", "lab-messages", "exports", "statements", "proxy-requests"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            PortalTables.Names.Select(name => tables.Service.CreateTableIfNotExistsAsync(name, cancellationToken))
                .Concat<Task>(Queues.Select(name => queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken)))
                .Concat(Containers.Select(name => blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken))));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
