namespace Portal.Core.Patients;

/// <summary>A clinic-issued activation code waiting to be redeemed, stored under the code's hash.</summary>
/// <param name="CodeHash">SHA-256 of the normalized code (hex); the code itself is never stored.</param>
/// <param name="PatientId">The patient it links to.</param>
/// <param name="PatientName">The patient's name, for the new link.</param>
/// <param name="BirthDate">The birth date the redeemer must confirm.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="FailedAttempts">Wrong birth dates entered so far.</param>
/// <param name="RedeemedBy">The subject that redeemed it, once redeemed.</param>
/// <param name="RedeemedAt">When it was redeemed.</param>
public sealed record PendingActivation(
    string CodeHash,
    string PatientId,
    string PatientName,
    DateOnly BirthDate,
    DateTimeOffset ExpiresAt,
    int FailedAttempts = 0,
    string? RedeemedBy = null,
    DateTimeOffset? RedeemedAt = null)
{
    /// <summary>Wrong attempts after which the code is locked.</summary>
    public const int MaxFailedAttempts = 5;

    /// <summary>How long a new code is valid.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);
}
