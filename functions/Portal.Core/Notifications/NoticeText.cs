namespace Portal.Core.Notifications;

/// <summary>One notice rendered for its channels.</summary>
/// <param name="Sms">The text message (short: one or two SMS segments).</param>
/// <param name="EmailSubject">The e-mail's subject.</param>
/// <param name="EmailBody">The e-mail's plain-text body.</param>
public sealed record NoticeText(string Sms, string EmailSubject, string EmailBody);
