using Portal.Core.Notifications;

namespace Portal.Core.Caregivers;

/// <summary>
/// Who is told about a grant: the patient on every change (a security notice, sent at once: someone's access to their
/// account changed), the caregiver when their access starts, changes and ends (on their own contact details). Never
/// what the grant covers: the portal shows that.
/// </summary>
public static class GrantNotices
{
    /// <summary>Where the patient manages their caregivers in the portal.</summary>
    public const string PatientLink = "/caregivers";

    /// <summary>Where a caregiver sees the patients they may act for.</summary>
    public const string CaregiverLink = "/me";

    /// <summary>Access started.</summary>
    public static IReadOnlyList<Notice> Started(ProxyGrant grant, DateTimeOffset now) => Both(grant, NoticeKind.SecurityNotice, NoticeKind.CaregiverAccessStarted, now);

    /// <summary>Scopes or the end date changed.</summary>
    public static IReadOnlyList<Notice> Changed(ProxyGrant grant, DateTimeOffset now) => Both(grant, NoticeKind.SecurityNotice, NoticeKind.CaregiverAccessChanged, now);

    /// <summary>Access ended (revoked, ended by the caregiver, or the patient turned 18).</summary>
    public static IReadOnlyList<Notice> Ended(ProxyGrant grant, DateTimeOffset now, bool atAdulthood = false) =>
        Both(grant, atAdulthood ? NoticeKind.GuardianAccessEnded : NoticeKind.SecurityNotice, NoticeKind.CaregiverAccessEnded, now);

    /// <summary>The patient's notice that an invitation went out.</summary>
    public static Notice InvitationSent(string patientId, DateTimeOffset now) =>
        Notice.Create(patientId, NoticeKind.SecurityNotice, NoticeDetails.None, PatientLink, now);

    private static IReadOnlyList<Notice> Both(ProxyGrant grant, NoticeKind toPatient, NoticeKind toCaregiver, DateTimeOffset now) =>
    [
        Notice.Create(grant.Link.PatientId, toPatient, NoticeDetails.None, PatientLink, now),
        Notice.Create(grant.Link.PatientId, toCaregiver, NoticeDetails.None, CaregiverLink, now) with
        {
            Caregiver = grant.Subject,
            CaregiverRelationship = grant.Link.Relationship,
        },
    ];
}
