using Portal.Core.Scheduling.Setup;

namespace Portal.Core.Scheduling;

/// <summary>Port: the clinic's scheduling setup, one versioned row per item in one partition.</summary>
public interface IClinicSetup
{
    /// <summary>Every item with its ETag. One partition query.</summary>
    Task<ClinicSetup> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the item (<paramref name="eTag"/> null) or replaces it if <paramref name="eTag"/> matches; returns the new
    /// ETag; throws <see cref="Common.ConcurrencyConflictException"/> when it exists already or is stale.
    /// </summary>
    Task<string> SaveAsync(ISetupItem item, string? eTag, CancellationToken cancellationToken);

    /// <summary>Deletes the item if <paramref name="eTag"/> matches; stale is a <see cref="Common.ConcurrencyConflictException"/>.</summary>
    Task DeleteAsync(SetupKind kind, string id, string eTag, CancellationToken cancellationToken);
}
