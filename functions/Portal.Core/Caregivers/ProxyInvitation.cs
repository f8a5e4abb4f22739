namespace Portal.Core.Caregivers;

/// <summary>
/// A patient's invitation to a caregiver, in the patient's chart. The code goes to the caregiver once (by e-mail or
/// SMS) and is stored only as a hash, like activation codes: 14 days, five wrong answers lock it.
/// </summary>
/// <param name="PatientId">Whose chart.</param>
/// <param name="InvitationId">Unique in the chart.</param>
/// <param name="PatientName">The patient's name, for the grant.</param>
/// <param name="PatientBirthDate">The patient's birth date: the grant keeps it for the age bands, and it answers the redeem check unless a code word was set.</param>
/// <param name="CaregiverName">Who is invited.</param>
/// <param name="Relationship">Their relationship to the patient.</param>
/// <param name="Email">Where the code goes by e-mail, if given.</param>
/// <param name="Phone">Where the code goes by SMS, if given (E.164).</param>
/// <param name="PreferredLanguage">The language of the invitation (BCP 47), if given.</param>
/// <param name="Scopes">The scopes the grant will have.</param>
/// <param name="AccessEndsAt">When the grant will end (the end of the chosen date in the clinic's zone), if chosen.</param>
/// <param name="CodeHash">SHA-256 of the normalized code.</param>
/// <param name="CodeWordHash">The salted hash of the patient's code word, when the caregiver answers with it instead of the birth date.</param>
/// <param name="CreatedAt">When it was sent.</param>
/// <param name="ExpiresAt">When the code stops working.</param>
/// <param name="FailedAttempts">Wrong answers so far.</param>
/// <param name="RedeemedBy">The caregiver's subject, once redeemed.</param>
/// <param name="RedeemedAt">When it was redeemed.</param>
/// <param name="GrantId">The grant it created.</param>
/// <param name="CancelledAt">When the patient withdrew it.</param>
public sealed record ProxyInvitation(
    string PatientId,
    string InvitationId,
    string PatientName,
    DateOnly PatientBirthDate,
    string CaregiverName,
    string Relationship,
    string? Email,
    string? Phone,
    string? PreferredLanguage,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? AccessEndsAt,
    string CodeHash,
    string? CodeWordHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    int FailedAttempts = 0,
    string? RedeemedBy = null,
    DateTimeOffset? RedeemedAt = null,
    string? GrantId = null,
    DateTimeOffset? CancelledAt = null)
{
    /// <summary>pending, redeemed, expired, locked or cancelled, at <paramref name="now"/>.</summary>
    public string StatusAt(DateTimeOffset now) =>
        RedeemedBy is not null ? "redeemed"
        : CancelledAt is not null ? "cancelled"
        : FailedAttempts >= InvitationCodes.MaxFailedAttempts ? "locked"
        : ExpiresAt <= now ? "expired"
        : "pending";
}
