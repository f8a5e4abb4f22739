namespace Portal.Core.Notifications;

/// <summary>What to do with one notice: which channel, which one if it fails for good, and whether it must wait.</summary>
/// <param name="Channel">The channel to use; <see cref="NoticeChannel.None"/> when the notice is not sent (see <paramref name="ChannelReason"/>).</param>
/// <param name="Fallback">The channel to try when <paramref name="Channel"/> fails for good; <see cref="NoticeChannel.None"/> when there is none.</param>
/// <param name="ChannelReason">Why <paramref name="Channel"/> was chosen.</param>
/// <param name="NotBefore">When the notice may go; null to send it now.</param>
/// <param name="WaitReason">Why it waits; <see cref="Notifications.WaitReason.None"/> when it goes now.</param>
public sealed record DeliveryPlan(
    NoticeChannel Channel,
    NoticeChannel Fallback,
    ChannelReason ChannelReason,
    DateTimeOffset? NotBefore,
    WaitReason WaitReason)
{
    /// <summary>True when the notice goes out now.</summary>
    public bool SendsNow => Channel != NoticeChannel.None && NotBefore is null;
}

/// <summary>Why a plan uses its channel.</summary>
public enum ChannelReason
{
    /// <summary>The channel the patient chose (or the kind's default) is allowed.</summary>
    AsChosen,

    /// <summary>SMS was chosen but is not allowed (no number, no consent, or STOP); e-mail instead.</summary>
    SmsNotAllowed,

    /// <summary>E-mail was chosen but is not allowed (no address or no consent); SMS instead.</summary>
    EmailNotAllowed,

    /// <summary>The patient turned this kind off; nothing is sent (the portal still shows it).</summary>
    TurnedOff,

    /// <summary>Neither SMS nor e-mail is allowed; nothing is sent (the portal still shows it).</summary>
    Unreachable,

    /// <summary>It could only go when it no longer helps (a reminder held by quiet hours until the visit began); nothing is sent.</summary>
    TooLate,
}

/// <summary>Why a notice waits.</summary>
public enum WaitReason
{
    /// <summary>It does not wait.</summary>
    None,

    /// <summary>The patient's quiet hours: it goes when they end.</summary>
    QuietHours,

    /// <summary>A low-urgency kind with the daily digest on: it goes with the digest.</summary>
    DailyDigest,

    /// <summary>The patient reached the daily limit: it goes with the next digest, never dropped.</summary>
    DailyLimit,
}
