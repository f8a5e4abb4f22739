namespace Portal.Core.Patients;

/// <summary>
/// What a registration with an <c>Idempotency-Key</c> remembers, so a retry after a lost response
/// gets the same patient instead of a duplicate-MRN error.
/// </summary>
/// <param name="Subject">Who registered (keys are per caller).</param>
/// <param name="Key">The caller's Idempotency-Key.</param>
/// <param name="RequestHash">SHA-256 of the request, to refuse the key's reuse for another request.</param>
/// <param name="PatientId">The registered patient.</param>
/// <param name="CreatedAt">When the key was first used; keys are honoured for <see cref="Lifetime"/>.</param>
public sealed record RegistrationReplay(string Subject, string Key, string RequestHash, string PatientId, DateTimeOffset CreatedAt)
{
    /// <summary>How long a key is remembered.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
}
