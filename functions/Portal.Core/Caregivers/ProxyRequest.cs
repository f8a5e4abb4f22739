namespace Portal.Core.Caregivers;

/// <summary>
/// A request for caregiver access to someone who cannot invite (a child, an adult who lost capacity), with its
/// supporting documents, reviewed by the front desk or an administrator. Kept with its documents after the decision.
/// </summary>
/// <param name="RequestId">Unique.</param>
/// <param name="RequesterSubject">Who asks (signed in with their own account); the grant goes to them.</param>
/// <param name="RequesterName">Their name as they gave it.</param>
/// <param name="Email">Their e-mail, for the clinic to reach them, if given.</param>
/// <param name="Phone">Their phone (E.164), if given.</param>
/// <param name="PatientName">Who they ask access for, as they name them.</param>
/// <param name="PatientBirthDate">That person's date of birth.</param>
/// <param name="PatientMrn">Their medical record number, if known.</param>
/// <param name="Relationship">The requester's relationship to the patient.</param>
/// <param name="Basis"><c>minor</c> (a parent or guardian of a child) or <c>incapacity</c> (an adult who cannot decide; power of attorney, guardianship).</param>
/// <param name="Explanation">Anything the requester adds, for the reviewer.</param>
/// <param name="Scopes">The scopes asked for; the reviewer decides the granted ones.</param>
/// <param name="CreatedAt">When it was filed.</param>
/// <param name="Documents">The supporting documents.</param>
/// <param name="Decision">The decision, once made.</param>
public sealed record ProxyRequest(
    string RequestId,
    string RequesterSubject,
    string RequesterName,
    string? Email,
    string? Phone,
    string PatientName,
    DateOnly PatientBirthDate,
    string? PatientMrn,
    string Relationship,
    string Basis,
    string? Explanation,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    IReadOnlyList<RequestDocument> Documents,
    ProxyRequestDecision? Decision = null)
{
    /// <summary><c>pending</c>, <c>approved</c> or <c>denied</c>.</summary>
    public string Status => Decision?.Outcome ?? "pending";
}

/// <summary>A supporting document of a request (the bytes are in the <c>proxy-requests</c> container).</summary>
/// <param name="DocumentId">Unique in the request.</param>
/// <param name="Kind"><c>power-of-attorney</c>, <c>guardianship</c>, <c>birth-certificate</c> or <c>other</c>.</param>
/// <param name="FileName">The download name.</param>
/// <param name="ContentType">Its media type, from its bytes.</param>
/// <param name="Size">Bytes.</param>
/// <param name="UploadedAt">When it was added.</param>
public sealed record RequestDocument(string DocumentId, string Kind, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt);

/// <summary>The reviewer's decision.</summary>
/// <param name="Outcome"><c>approved</c> or <c>denied</c>.</param>
/// <param name="DecidedBy">The reviewer's subject.</param>
/// <param name="DecidedByName">Their name.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="PatientId">The patient the reviewer matched (approved).</param>
/// <param name="GrantId">The grant created (approved).</param>
/// <param name="Scopes">The scopes granted (approved).</param>
/// <param name="AccessEndsAt">When the granted access ends (approved), if it does.</param>
/// <param name="Reason">Why it was denied, told to the requester.</param>
public sealed record ProxyRequestDecision(
    string Outcome,
    string DecidedBy,
    string DecidedByName,
    DateTimeOffset DecidedAt,
    string? PatientId,
    string? GrantId,
    IReadOnlyList<string>? Scopes,
    DateTimeOffset? AccessEndsAt,
    string? Reason);

/// <summary>A request for caregiver access, as filed.</summary>
/// <param name="RequesterName">Your name.</param>
/// <param name="Email">Your e-mail, for the clinic to reach you.</param>
/// <param name="Phone">Your mobile number (E.164).</param>
/// <param name="PatientName">The person you ask access for.</param>
/// <param name="PatientBirthDate">Their date of birth.</param>
/// <param name="PatientMrn">Their medical record number, if you know it.</param>
/// <param name="Relationship">Your relationship to them.</param>
/// <param name="Basis"><c>minor</c> or <c>incapacity</c>.</param>
/// <param name="Explanation">Anything the reviewer should know (up to 2,000 characters).</param>
/// <param name="Scopes">What you ask to see or do.</param>
public sealed record NewProxyRequest(
    string? RequesterName,
    string? Email,
    string? Phone,
    string? PatientName,
    DateOnly? PatientBirthDate,
    string? PatientMrn,
    string? Relationship,
    string? Basis,
    string? Explanation,
    IReadOnlyList<string>? Scopes);

/// <summary>A reviewer's decision, as sent.</summary>
/// <param name="Approve">True to approve, false to deny.</param>
/// <param name="PatientId">Approving: the patient the request is about (found by the reviewer).</param>
/// <param name="Scopes">Approving: the scopes granted.</param>
/// <param name="AccessEndsOn">Approving: the last day of access, if it ends.</param>
/// <param name="Reason">Denying: why (told to the requester).</param>
public sealed record ProxyRequestReview(bool Approve, string? PatientId, IReadOnlyList<string>? Scopes, DateOnly? AccessEndsOn, string? Reason);
