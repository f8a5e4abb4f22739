namespace Portal.Core.Notifications;

/// <summary>One text message to one phone. It never carries clinical detail: templates build <see cref="Text"/>.</summary>
/// <param name="To">The phone number in E.164 form.</param>
/// <param name="Text">What the patient reads (at most 2,048 characters).</param>
/// <param name="DeliveryKey">Stable for every attempt to deliver this same notice (e.g. the outbox row's id), so a
/// resend after a crash or a duplicate queue message is recognised by the provider and not sent twice.</param>
/// <param name="FirstAttemptAt">When the first attempt with this key was made; the provider needs it to deduplicate.</param>
/// <param name="Tag">A non-clinical label that comes back with delivery reports (e.g. the notice's kind).</param>
public sealed record SmsMessage(string To, string Text, string DeliveryKey, DateTimeOffset FirstAttemptAt, string? Tag = null);
