using Portal.Core.Common;

namespace Portal.Core.Patients;

/// <summary>Port: pending activation codes, keyed by code hash, and each patient's current code.</summary>
public interface IActivations
{
    /// <summary>The activation with this code hash, or null. One point read.</summary>
    Task<Versioned<PendingActivation>?> FindAsync(string codeHash, CancellationToken cancellationToken);

    /// <summary>
    /// The code last issued to the patient (at registration or by a later re-issue), or null when none is known.
    /// Two point reads: the patient's pointer, then the activation.
    /// </summary>
    Task<Versioned<PendingActivation>?> FindCurrentAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>
    /// In one atomic write: ends <paramref name="current"/> at <paramref name="now"/> if it is still unused, stores
    /// <paramref name="replacement"/> and makes it the patient's current code. Throws
    /// <see cref="ConcurrencyConflictException"/> when <paramref name="current"/> changed since it was read
    /// (for instance, it was redeemed meanwhile); then nothing is written.
    /// </summary>
    Task ReplaceAsync(Versioned<PendingActivation> current, PendingActivation replacement, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Replaces the activation if <paramref name="eTag"/> still matches; otherwise throws <see cref="ConcurrencyConflictException"/>.</summary>
    Task UpdateAsync(PendingActivation activation, string eTag, CancellationToken cancellationToken);
}
