namespace Portal.Core.Notifications;

/// <summary>How a patient wants to hear about one kind of notice.</summary>
public enum NoticeChannel
{
    /// <summary>A text message (no clinical detail; respects consent and STOP).</summary>
    Sms,

    /// <summary>An e-mail (no clinical detail either).</summary>
    Email,

    /// <summary>No notice: the patient sees it next time they open the portal. Never allowed for <see cref="NoticeKind.SecurityNotice"/>.</summary>
    None,
}
