using Portal.Core.Access;

namespace Portal.Core.Caregivers;

/// <summary>
/// A caregiver's grant as the patient manages it: the link the policy reads (<see cref="PatientLink"/>, kept in the
/// caregiver's index and in the chart) with who the caregiver is and where the grant came from.
/// </summary>
/// <param name="Link">Scopes, end, revocation, relationship, the patient's birth date for the age bands.</param>
/// <param name="CaregiverName">The caregiver's name as the patient (or the clinic) gave it.</param>
/// <param name="GrantedAt">When access started.</param>
/// <param name="Source"><c>invitation</c> or <c>request</c> (approved by the clinic).</param>
/// <param name="SourceId">The invitation's or request's id.</param>
/// <param name="ChangedAt">When scopes or the end date last changed.</param>
/// <param name="EndReason">Why it ended: <c>revoked</c>, <c>ended-by-caregiver</c>, <c>adulthood</c>.</param>
public sealed record ProxyGrant(
    PatientLink Link,
    string CaregiverName,
    DateTimeOffset GrantedAt,
    string Source,
    string SourceId,
    DateTimeOffset? ChangedAt = null,
    string? EndReason = null)
{
    /// <summary>The grant's id.</summary>
    public string GrantId => Link.GrantId!;

    /// <summary><c>ended</c> (revoked, ended by the caregiver, or at 18), <c>expired</c> (past its end date, or the patient is now 18), or <c>active</c>.</summary>
    public string StatusAt(DateTimeOffset now, ProxyRules rules) =>
        Link.RevokedAt is not null ? "ended" : AccessPolicy.IsInForce(Link, now, rules) ? "active" : "expired";

    /// <summary>The caregiver's sign-in subject.</summary>
    public string Subject => Link.Subject;
}
