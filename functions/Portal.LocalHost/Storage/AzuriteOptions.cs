namespace Portal.LocalHost.Storage;

/// <summary>How to run Azurite. Ports of 0 let the system choose free ones (what tests use).</summary>
public sealed class AzuriteOptions
{
    /// <summary>The default ports, which tools like Storage Explorer expect.</summary>
    public const int DefaultBlobPort = 10000, DefaultQueuePort = 10001, DefaultTablePort = 10002;

    /// <summary>Where Azurite keeps its data; null keeps it in memory (<c>--inMemoryPersistence</c>).</summary>
    public string? DataDirectory { get; init; }

    public int BlobPort { get; init; }

    public int QueuePort { get; init; }

    public int TablePort { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
