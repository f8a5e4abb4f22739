using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Portal.Azure.Storage;

/// <summary>
/// One storage account, configured the way the Functions host reads a connection:
/// a connection string under the name (local, Azurite), or identity-based
/// <c>{name}__tableServiceUri</c> / <c>__blobServiceUri</c> / <c>__queueServiceUri</c>
/// with <c>__credential=managedidentity</c> and <c>__clientId</c> (Azure).
/// </summary>
public sealed class StorageAccount
{
    private readonly string? connectionString;
    private readonly Uri? tableUri;
    private readonly Uri? blobUri;
    private readonly Uri? queueUri;
    private readonly TokenCredential? credential;

    private StorageAccount(string? connectionString, Uri? tableUri, Uri? blobUri, Uri? queueUri, TokenCredential? credential)
    {
        this.connectionString = connectionString;
        this.tableUri = tableUri;
        this.blobUri = blobUri;
        this.queueUri = queueUri;
        this.credential = credential;
    }

    /// <summary>True when the configuration names no account under this connection name.</summary>
    public static bool IsConfigured(IConfiguration configuration, string name) =>
        !string.IsNullOrWhiteSpace(configuration[name])
        || !string.IsNullOrWhiteSpace(configuration[$"ConnectionStrings:{name}"])
        || configuration.GetSection(name).GetChildren().Any(c => c.Key.EndsWith("ServiceUri", StringComparison.OrdinalIgnoreCase));

    public static StorageAccount FromConfiguration(IConfiguration configuration, string name)
    {
        var connectionString = configuration[name] ?? configuration[$"ConnectionStrings:{name}"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageAccount(connectionString, null, null, null, null);
        }

        var section = configuration.GetSection(name);
        var table = Uri(section["tableServiceUri"]);
        var blob = Uri(section["blobServiceUri"]);
        var queue = Uri(section["queueServiceUri"]);
        if (table is null && blob is null && queue is null)
        {
            throw new InvalidOperationException(
                $"Storage connection '{name}' is not configured: set '{name}' to a connection string, or '{name}__tableServiceUri', '{name}__blobServiceUri' and '{name}__queueServiceUri' for identity-based access.");
        }

        TokenCredential credential = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(section["clientId"] ?? throw new InvalidOperationException($"'{name}__clientId' is required with '{name}__credential=managedidentity'.")))
            : new DefaultAzureCredential();
        return new StorageAccount(null, table, blob, queue, credential);
    }

    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null) =>
        connectionString is not null
            ? new TableServiceClient(connectionString, options)
            : new TableServiceClient(tableUri ?? Missing("tableServiceUri"), credential!, options);

    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null) =>
        connectionString is not null
            ? new BlobServiceClient(connectionString, options)
            : new BlobServiceClient(blobUri ?? Missing("blobServiceUri"), credential!, options);

    /// <summary>Queue messages are plain text (the options' default), as host.json's <c>messageEncoding: none</c> tells the queue trigger.</summary>
    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? options = null)
    {
        options ??= new QueueClientOptions();
        return connectionString is not null
            ? new QueueServiceClient(connectionString, options)
            : new QueueServiceClient(queueUri ?? Missing("queueServiceUri"), credential!, options);
    }

    private static Uri? Uri(string? value) => string.IsNullOrWhiteSpace(value) ? null : new Uri(value);

    private static Uri Missing(string what) => throw new InvalidOperationException($"The storage connection has no {what}.");
}
