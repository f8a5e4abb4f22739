using Portal.Core.Common;
using Portal.Core.Patients;

namespace Portal.Tests.Patients;

/// <summary>Activation codes kept in memory with ETags and a current code per patient, as the table adapter keeps them.</summary>
internal sealed class InMemoryActivations : IActivations
{
    private readonly Dictionary<string, (PendingActivation Activation, int Version)> codes = [];
    private readonly Dictionary<string, string> current = [];

    /// <summary>Runs before each replacement is written, to let a test change the store under the use case.</summary>
    public Action? BeforeReplace { get; set; }

    public PendingActivation this[string codeHash] => codes[codeHash].Activation;

    /// <summary>Stores a code as registration does.</summary>
    public void Issue(PendingActivation activation)
    {
        codes[activation.CodeHash] = (activation, 0);
        current[activation.PatientId] = activation.CodeHash;
    }

    public Task<Versioned<PendingActivation>?> FindAsync(string codeHash, CancellationToken cancellationToken) =>
        Task.FromResult(codes.TryGetValue(codeHash, out var found) ? new Versioned<PendingActivation>(found.Activation, $"v{found.Version}") : null);

    public Task<Versioned<PendingActivation>?> FindCurrentAsync(string patientId, CancellationToken cancellationToken) =>
        current.TryGetValue(patientId, out var hash) ? FindAsync(hash, cancellationToken) : Task.FromResult<Versioned<PendingActivation>?>(null);

    public Task ReplaceAsync(Versioned<PendingActivation> old, PendingActivation replacement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        BeforeReplace?.Invoke();
        if ($"v{codes[old.Value.CodeHash].Version}" != old.ETag)
        {
            throw new ConcurrencyConflictException("stale");
        }

        if (old.Value.RedeemedBy is null && old.Value.ExpiresAt > now)
        {
            Update(old.Value with { ExpiresAt = now });
        }

        Issue(replacement);
        return Task.CompletedTask;
    }

    public Task UpdateAsync(PendingActivation activation, string eTag, CancellationToken cancellationToken)
    {
        if ($"v{codes[activation.CodeHash].Version}" != eTag)
        {
            throw new ConcurrencyConflictException("stale");
        }

        Update(activation);
        return Task.CompletedTask;
    }

    /// <summary>Changes a stored code as another request would (a new ETag).</summary>
    public void Update(PendingActivation activation) => codes[activation.CodeHash] = (activation, codes[activation.CodeHash].Version + 1);
}
