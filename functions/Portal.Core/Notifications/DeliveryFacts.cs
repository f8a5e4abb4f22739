namespace Portal.Core.Notifications;

/// <summary>What the dispatcher knows about a patient when it plans a notice.</summary>
/// <param name="HasPhone">The profile has a mobile number.</param>
/// <param name="SmsConsent">The patient agreed to SMS notices.</param>
/// <param name="SmsOptedOut">The number said STOP (<see cref="ISmsOptOuts"/>) and has not said START since.</param>
/// <param name="HasEmail">The profile has an e-mail address.</param>
/// <param name="EmailConsent">The patient agreed to e-mail notices.</param>
/// <param name="TimeZone">The patient's zone: the profile's, else the clinic's.</param>
/// <param name="SentLast24Hours">How many notices the patient was sent in the last 24 hours.</param>
public sealed record DeliveryFacts(
    bool HasPhone,
    bool SmsConsent,
    bool SmsOptedOut,
    bool HasEmail,
    bool EmailConsent,
    TimeZoneInfo TimeZone,
    int SentLast24Hours)
{
    /// <summary>True when a text may be sent: a number, consent, and no STOP.</summary>
    public bool SmsAllowed => HasPhone && SmsConsent && !SmsOptedOut;

    /// <summary>True when an e-mail may be sent: an address and consent.</summary>
    public bool EmailAllowed => HasEmail && EmailConsent;

    /// <summary>True when <paramref name="channel"/> may be used.</summary>
    public bool Allows(NoticeChannel channel) => channel switch
    {
        NoticeChannel.Sms => SmsAllowed,
        NoticeChannel.Email => EmailAllowed,
        _ => false,
    };
}
