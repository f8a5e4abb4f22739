using System.Security.Cryptography;
using System.Text;
using Portal.Core.Access;

namespace Portal.Core.Notifications;

/// <summary>
/// Who else hears about a patient's notice: every caregiver whose grant, active now, covers what the notice is about
/// (a new message needs <c>messages.read</c>, a result <c>results.read</c> …; a write scope covers reading). Security
/// notices and caregiver invitations are about the patient's own account and go to the patient only. Each caregiver
/// gets a copy of the notice, delivered like any other on the caregiver's own contact details.
/// </summary>
public sealed class CaregiverNotices(IPatientLinks links, ProxyRules? rules = null)
{
    /// <summary>The data category a kind of notice is about, or null for the kinds only the patient is told.</summary>
    public static DataCategory? CategoryOf(NoticeKind kind) => kind switch
    {
        NoticeKind.NewMessage => DataCategory.Messages,
        NoticeKind.NewResult => DataCategory.Results,
        NoticeKind.NewDocument or NoticeKind.NewRecordInformation or NoticeKind.AmendmentExtended or NoticeKind.AmendmentAccepted or NoticeKind.AmendmentDenied => DataCategory.Records,
        NoticeKind.AppointmentBooked or NoticeKind.AppointmentChanged or NoticeKind.AppointmentCancelled or NoticeKind.AppointmentReminder
            or NoticeKind.AppointmentRequested or NoticeKind.AppointmentDeclined or NoticeKind.WaitlistSlotOpened => DataCategory.Appointments,
        NoticeKind.RefillStatus or NoticeKind.RefillDue or NoticeKind.ReportedItemReviewed => DataCategory.Prescriptions,
        NoticeKind.StatementReady => DataCategory.Billing,
        _ => null,
    };

    /// <summary>
    /// True for a caregiver's copy of a patient's notice (worded about "someone you care for"); false for the patient's
    /// own notices and for notices addressed to a caregiver about their own access (worded as themselves).
    /// </summary>
    public static bool IsCopy(Notice notice) => notice.Caregiver is not null && CategoryOf(notice.Kind) is not null;

    /// <summary>The copies for the caregivers of a patient's notice (none for a copy itself); ids follow from the notice and the caregiver, so a retry makes the same ones.</summary>
    public async Task<IReadOnlyList<Notice>> CopiesAsync(Notice notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (notice.Caregiver is not null || CategoryOf(notice.Kind) is not { } category)
        {
            return [];
        }

        var grants = await links.CaregiversAsync(notice.PatientId, cancellationToken);
        return
        [
            .. grants
                .Where(grant => AccessPolicy.GrantCovers(grant, Permission.Read(category), now, rules ?? ProxyRules.Default))
                .Select(grant => new Notice(
                    notice.PatientId, $"{notice.NoticeId}-{Suffix(grant.Subject)}", notice.Kind, notice.Details, notice.Link, now,
                    Caregiver: grant.Subject, CaregiverRelationship: grant.Relationship)),
        ];
    }

    // A copy's id sorts right after its notice's; eight hex digits of the caregiver's subject tell the copies apart.
    private static string Suffix(string subject) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..8];
}
