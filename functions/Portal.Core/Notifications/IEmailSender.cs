namespace Portal.Core.Notifications;

/// <summary>Hands e-mails to the e-mail provider (Azure Communication Services; a development outbox locally).</summary>
public interface IEmailSender
{
    /// <summary>Sends one e-mail; a second call with the same <see cref="EmailMessage.DeliveryKey"/> sends nothing new.</summary>
    Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
