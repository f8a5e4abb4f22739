namespace Portal.Core.Labs.Ingestion;

/// <summary>Port: the message ledger (one entry per sending lab and control id) and the archive of originals.</summary>
public interface ILabMessages
{
    /// <summary>Inserts the ledger entry; returns null when it was new, else the entry already there (a redelivery or a retry).</summary>
    Task<LabMessageRecord?> BeginAsync(LabMessageRecord record, CancellationToken cancellationToken);

    /// <summary>Marks the entry completed.</summary>
    Task CompleteAsync(LabMessageRecord record, CancellationToken cancellationToken);

    /// <summary>Keeps the original (overwriting the same path is harmless: the same message).</summary>
    Task ArchiveAsync(string path, ReadOnlyMemory<byte> content, LabReportFormat format, CancellationToken cancellationToken);

    /// <summary>The original, or null when the archive has no such path.</summary>
    Task<byte[]?> ReadArchiveAsync(string path, CancellationToken cancellationToken);
}
