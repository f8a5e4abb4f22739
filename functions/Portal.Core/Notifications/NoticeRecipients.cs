using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Clinic;
using Portal.Core.Profile;

namespace Portal.Core.Notifications;

/// <summary>
/// Whom a notice goes to, and how they like to hear: the patient (their profile and their preferences), or, for a
/// caregiver's copy, the caregiver: their own contact details, else — when they are a patient here too — their own
/// profile; their own chart's preferences when they have one, else the defaults.
/// </summary>
public sealed class NoticeRecipients(
    IProfiles profiles, INotificationPreferences preferences, INoticeContacts contacts, IPatientLinks links, IOptions<ClinicOptions> clinic)
{
    /// <summary>The recipient of <paramref name="notice"/>, or null with why nobody can be told.</summary>
    public async Task<(NoticeRecipient? Recipient, string? Missing)> FindAsync(Notice notice, CancellationToken cancellationToken)
    {
        if (notice.Invitee is { } invitee)
        {
            // Someone invited to be a caregiver: only the address the patient gave, with the default channels.
            return (Recipient(invitee, NotificationPreferences.Defaults), null);
        }

        if (notice.Caregiver is not { } caregiver)
        {
            var profile = (await profiles.FindAsync(notice.PatientId, cancellationToken))?.Value;
            return profile is null
                ? (null, "The patient's chart has no profile.")
                : (Recipient(ContactOf(profile), await PreferencesAsync(notice.PatientId, cancellationToken)), null);
        }

        var ownChart = (await links.ListAsync(caregiver, cancellationToken)).FirstOrDefault(l => l.Kind == LinkKind.Self)?.PatientId;
        var contact = (await contacts.FindAsync(caregiver, cancellationToken))?.Value
            ?? (ownChart is null ? null : (await profiles.FindAsync(ownChart, cancellationToken))?.Value is { } own ? ContactOf(own) : null);
        if (contact is null)
        {
            return (null, "The caregiver has no contact details in the portal.");
        }

        return (Recipient(contact, ownChart is null ? NotificationPreferences.Defaults : await PreferencesAsync(ownChart, cancellationToken)), null);
    }

    private NoticeRecipient Recipient(NoticeContact contact, NotificationPreferences chosen) =>
        new(contact, chosen, TimeZoneInfo.FindSystemTimeZoneById(contact.TimeZone ?? clinic.Value.TimeZone));

    private async Task<NotificationPreferences> PreferencesAsync(string patientId, CancellationToken cancellationToken) =>
        (await preferences.FindAsync(patientId, cancellationToken))?.Value ?? NotificationPreferences.Defaults;

    private static NoticeContact ContactOf(PatientProfile profile) =>
        new(profile.Phone, profile.Email, profile.SmsConsent, profile.EmailConsent, profile.PreferredLanguage, profile.TimeZone);
}

/// <summary>Someone a notice goes to.</summary>
/// <param name="Contact">Where.</param>
/// <param name="Preferences">Their channels, quiet hours and digest.</param>
/// <param name="TimeZone">Their zone (their own, else the clinic's).</param>
public sealed record NoticeRecipient(NoticeContact Contact, NotificationPreferences Preferences, TimeZoneInfo TimeZone);
