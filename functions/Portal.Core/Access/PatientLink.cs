namespace Portal.Core.Access;

/// <summary>How a signed-in person is connected to a patient's chart.</summary>
public enum LinkKind
{
    /// <summary>The person is the patient (linked by redeeming an activation code).</summary>
    Self,

    /// <summary>A caregiver acting through a proxy grant.</summary>
    Proxy,
}

/// <summary>
/// The link from a sign-in subject to a patient: the patient themself, or a caregiver
/// with a scoped, expiring, revocable grant.
/// </summary>
/// <param name="Subject">The sign-in subject.</param>
/// <param name="PatientId">The patient's id.</param>
/// <param name="Kind">Self or proxy.</param>
/// <param name="PatientName">The patient's name as shown in the account switcher.</param>
/// <param name="Scopes">Granted scopes for a proxy (e.g. <c>appointments.write</c>); empty for self.</param>
/// <param name="ExpiresAt">When a proxy grant ends; null for self.</param>
/// <param name="RevokedAt">When a proxy grant was revoked, if it was.</param>
/// <param name="GrantId">The proxy grant's id; null for self.</param>
/// <param name="Relationship">The caregiver's relationship (parent, spouse …); null for self.</param>
/// <param name="PatientBirthDate">The patient's date of birth, kept on a caregiver's grant so the policy applies the age bands without another read.</param>
/// <param name="EndsAtAdulthood">A parent's or guardian's grant to a minor: it ends on the patient's 18th birthday (clinic zone).</param>
public sealed record PatientLink(
    string Subject,
    string PatientId,
    LinkKind Kind,
    string PatientName,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt = null,
    DateTimeOffset? RevokedAt = null,
    string? GrantId = null,
    string? Relationship = null,
    DateOnly? PatientBirthDate = null,
    bool EndsAtAdulthood = false)
{
    /// <summary>True when the link can be used at <paramref name="now"/>.</summary>
    public bool IsActive(DateTimeOffset now) =>
        Kind == LinkKind.Self || (RevokedAt is null && (ExpiresAt is null || ExpiresAt > now));
}
