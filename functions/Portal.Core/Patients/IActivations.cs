using Portal.Core.Common;

namespace Portal.Core.Patients;

/// <summary>Port: pending activation codes, keyed by code hash.</summary>
public interface IActivations
{
    /// <summary>The activation with this code hash, or null. One point read.</summary>
    Task<Versioned<PendingActivation>?> FindAsync(string codeHash, CancellationToken cancellationToken);

    /// <summary>Ends the code with <paramref name="oldCodeHash"/> (if still pending) at <paramref name="now"/> and stores <paramref name="replacement"/>: a re-issued code.</summary>
    Task ReplaceAsync(string oldCodeHash, PendingActivation replacement, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Replaces the activation if <paramref name="eTag"/> still matches; otherwise throws <see cref="ConcurrencyConflictException"/>.</summary>
    Task UpdateAsync(PendingActivation activation, string eTag, CancellationToken cancellationToken);
}
