namespace Portal.Core.Notifications;

/// <summary>Hands text messages to the SMS provider (Azure Communication Services; a development outbox locally).</summary>
public interface ISmsSender
{
    /// <summary>Sends one message; a second call with the same <see cref="SmsMessage.DeliveryKey"/> sends nothing new.</summary>
    Task<SendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken);
}
