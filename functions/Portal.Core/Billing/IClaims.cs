namespace Portal.Core.Billing;

/// <summary>Port: insurance claims in the patient's chart (<c>claim|{claimId}</c>), ETag-guarded.</summary>
public interface IClaims
{
    /// <summary>The claim with its ETag, or null. One point read.</summary>
    Task<(InsuranceClaim Claim, string ETag)?> FindAsync(string patientId, string claimId, CancellationToken cancellationToken);

    /// <summary>Every claim of the patient. One range query.</summary>
    Task<IReadOnlyList<InsuranceClaim>> ListAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts (<paramref name="eTag"/> null: a concurrent insert is a conflict), replaces if the ETag matches, or
    /// overwrites (<c>*</c>, imports); returns the new ETag; throws <see cref="Common.ConcurrencyConflictException"/>.
    /// </summary>
    Task<string> SaveAsync(InsuranceClaim claim, string? eTag, CancellationToken cancellationToken);
}
