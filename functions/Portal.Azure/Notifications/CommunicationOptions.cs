namespace Portal.Azure.Notifications;

/// <summary>
/// Where Azure Communication Services is: <c>Communication:Endpoint</c> with the app's managed identity
/// (<c>Communication:ClientId</c>) in Azure, or <c>Communication:ConnectionString</c>
/// (<c>endpoint=https://…;accesskey=…</c>, HMAC-signed requests) for a developer's own resource.
/// With neither, Development sends to the development outbox and any other environment refuses to start.
/// </summary>
internal sealed class CommunicationOptions
{
    public const string Section = "Communication";

    public string? Endpoint { get; set; }

    public string? ClientId { get; set; }

    public string? ConnectionString { get; set; }

    /// <summary>The SMS sender number in E.164 form (<c>Sms:FromNumber</c>); empty until the clinic has one.</summary>
    public string? SmsFromNumber { get; set; }

    /// <summary>The e-mail sender address (<c>Email:SenderAddress</c>), e.g. <c>DoNotReply@…azurecomm.net</c>.</summary>
    public string? EmailSenderAddress { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) || !string.IsNullOrWhiteSpace(ConnectionString);
}
