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

    /// <summary>
    /// How long Azurite may take to report its three services listening. It starts in about a second; a loaded
    /// 2-core CI machine has been seen to need far longer, and a start that gives up too soon fails everything.
    /// </summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>The folder with package.json and node_modules; null finds the repository the app was built in.</summary>
    public string? RepositoryRoot { get; init; }
}
