namespace Portal.Core.Notifications;

/// <summary>
/// Everything a notice's text may say besides its kind. Deliberately tiny and typed: there is no string a feature
/// could put a test name, a value, a diagnosis, a drug or a message body into.
/// </summary>
/// <param name="When">The appointment's start (shown in the patient's time zone), for appointment notices only.</param>
/// <param name="InvitationCode">
/// A caregiver invitation's one-time code (<c>XXXX-XXXX-XXXX</c>), for <see cref="NoticeKind.ProxyInvitation"/> only: not
/// clinical, and cleared from the stored notice once it is sent; the type holds nothing but a well-formed code.
/// </param>
public sealed record NoticeDetails(DateTimeOffset? When = null, InvitationCode? InvitationCode = null)
{
    /// <summary>No details: the kind says it all.</summary>
    public static readonly NoticeDetails None = new();
}
