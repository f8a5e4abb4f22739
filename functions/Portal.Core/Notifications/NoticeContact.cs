namespace Portal.Core.Notifications;

/// <summary>
/// Where and how a person is told: the patient's from their profile, a caregiver's from their own contact details
/// (<c>PUT /api/me/contact</c>) or, when they are a patient too, their own profile.
/// </summary>
/// <param name="Phone">Mobile number, E.164.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="SmsConsent">They agreed to SMS notices.</param>
/// <param name="EmailConsent">They agreed to e-mail notices.</param>
/// <param name="PreferredLanguage">BCP 47 tag; Spanish for <c>es</c> and <c>es-*</c>, English otherwise.</param>
/// <param name="TimeZone">IANA time zone for quiet hours; the clinic's when null.</param>
public sealed record NoticeContact(string? Phone, string? Email, bool SmsConsent, bool EmailConsent, string? PreferredLanguage, string? TimeZone)
{
    /// <summary>No contact details saved yet.</summary>
    public static readonly NoticeContact None = new(null, null, false, false, null, null);

    /// <summary>The version of contact details never saved: a change sent with it creates them.</summary>
    public const string NoneETag = "W/\"none\"";
}
