namespace Portal.Core.Notifications;

/// <summary>Where a notice is on its way to the patient.</summary>
public enum NoticeState
{
    /// <summary>Written with the change that caused it; not handed to a provider yet (maybe waiting for <see cref="Notice.NotBefore"/>).</summary>
    Pending,

    /// <summary>Claimed by a dispatcher, which is handing it to a provider; a retry resends with the same delivery key.</summary>
    Sending,

    /// <summary>A provider took it.</summary>
    Sent,

    /// <summary>The carrier reported it delivered.</summary>
    Delivered,

    /// <summary>It could not be delivered on any channel the patient allows; <see cref="Notice.Reason"/> says why.</summary>
    Failed,
}
