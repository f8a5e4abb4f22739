namespace Portal.Core.Notifications;

/// <summary>One e-mail to one address. Like every notice it says only that something is waiting in the portal.</summary>
/// <param name="To">The recipient's address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="PlainText">The body as plain text.</param>
/// <param name="Html">The same body as HTML, or null for plain text only.</param>
/// <param name="DeliveryKey">Stable for every attempt to deliver this notice, so a resend is not a second e-mail.</param>
public sealed record EmailMessage(string To, string Subject, string PlainText, string? Html, string DeliveryKey);
