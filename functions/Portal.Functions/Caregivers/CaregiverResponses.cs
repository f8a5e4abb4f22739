using Portal.Core.Caregivers;

namespace Portal.Functions.Caregivers;

/// <summary>A patient's caregivers: grants (current and ended) and invitations not redeemed.</summary>
/// <param name="Grants">Grants, newest first.</param>
/// <param name="Invitations">Invitations, newest first.</param>
public sealed record CaregiverList(IReadOnlyList<CaregiverGrant> Grants, IReadOnlyList<CaregiverInvitation> Invitations)
{
    internal static CaregiverList From(ProxyOverview overview) =>
        new([.. overview.Grants.Select(g => CaregiverGrant.From(g.Grant, g.Status, g.ETag))], [.. overview.Invitations.Select(i => CaregiverInvitation.From(i.Invitation, i.Status))]);
}

/// <summary>A caregiver's grant.</summary>
/// <param name="GrantId">Its id (PATCH/DELETE <c>…/proxies/{grantId}</c>).</param>
/// <param name="CaregiverName">The caregiver's name.</param>
/// <param name="Relationship">Their relationship to the patient.</param>
/// <param name="Scopes">What they may see or do.</param>
/// <param name="AccessEndsAt">When access ends, if it does.</param>
/// <param name="EndsAtAdulthood">True when access ends on the patient's 18th birthday (a parent's or guardian's).</param>
/// <param name="Status"><c>active</c>, <c>expired</c> or <c>ended</c>.</param>
/// <param name="EndReason">Why it ended: <c>revoked</c>, <c>ended-by-caregiver</c>, <c>adulthood</c>.</param>
/// <param name="Source"><c>invitation</c>, <c>request</c> (approved by the clinic) or <c>clinic</c>.</param>
/// <param name="GrantedAt">When access started.</param>
/// <param name="ChangedAt">When it last changed.</param>
/// <param name="EndedAt">When it ended.</param>
/// <param name="ETag">Its version, for If-Match.</param>
public sealed record CaregiverGrant(
    string GrantId,
    string CaregiverName,
    string? Relationship,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? AccessEndsAt,
    bool EndsAtAdulthood,
    string Status,
    string? EndReason,
    string Source,
    DateTimeOffset GrantedAt,
    DateTimeOffset? ChangedAt,
    DateTimeOffset? EndedAt,
    string ETag)
{
    internal static CaregiverGrant From(ProxyGrant grant, string status, string eTag) => new(
        grant.GrantId, grant.CaregiverName, grant.Link.Relationship, grant.Link.Scopes, grant.Link.ExpiresAt, grant.Link.EndsAtAdulthood, status, grant.EndReason,
        grant.Source, grant.GrantedAt, grant.ChangedAt, grant.Link.RevokedAt, eTag);
}

/// <summary>An invitation (its code is never shown: it went to the caregiver).</summary>
/// <param name="InvitationId">Its id.</param>
/// <param name="CaregiverName">Who was invited.</param>
/// <param name="Relationship">Their relationship.</param>
/// <param name="Email">Where the code went by e-mail.</param>
/// <param name="Phone">Where the code went by SMS.</param>
/// <param name="Scopes">The scopes the grant will have.</param>
/// <param name="AccessEndsAt">When the granted access will end.</param>
/// <param name="Verification"><c>birthDate</c> or <c>codeWord</c>: what the caregiver gives with the code.</param>
/// <param name="Status"><c>pending</c>, <c>redeemed</c>, <c>expired</c>, <c>locked</c> or <c>cancelled</c>.</param>
/// <param name="CreatedAt">When it was sent.</param>
/// <param name="ExpiresAt">When the code stops working.</param>
public sealed record CaregiverInvitation(
    string InvitationId,
    string CaregiverName,
    string Relationship,
    string? Email,
    string? Phone,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? AccessEndsAt,
    string Verification,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    internal static CaregiverInvitation From(ProxyInvitation i, string status) => new(
        i.InvitationId, i.CaregiverName, i.Relationship, i.Email, i.Phone, i.Scopes, i.AccessEndsAt, i.CodeWordHash is null ? "birthDate" : "codeWord", status, i.CreatedAt, i.ExpiresAt);
}

/// <summary>A grant as its caregiver sees it after redeeming or when access starts.</summary>
/// <param name="PatientId">The patient's id.</param>
/// <param name="Name">The patient's name.</param>
/// <param name="Relationship">The caregiver's relationship.</param>
/// <param name="Scopes">What the caregiver may see or do.</param>
/// <param name="ExpiresAt">When access ends, if it does.</param>
public sealed record CaregiverAccess(string PatientId, string Name, string? Relationship, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt)
{
    internal static CaregiverAccess From(ProxyGrant grant) => new(grant.Link.PatientId, grant.Link.PatientName, grant.Link.Relationship, grant.Link.Scopes, grant.Link.ExpiresAt);
}

/// <summary>One page of open requests, oldest first.</summary>
/// <param name="Items">The requests.</param>
/// <param name="ContinuationToken">The next page's token, or null.</param>
public sealed record ProxyRequestPage(IReadOnlyList<ProxyRequest> Items, string? ContinuationToken);
