using Portal.Core.Clinic;

namespace Portal.Core.Notifications.Inbound;

/// <summary>
/// The words of the portal's answers to texts. They see only the clinic's name, portal address and phone, so
/// no answer can carry clinical detail.
/// </summary>
public static class InboundReplies
{
    /// <summary>The tag answers carry, so delivery reports can tell them from notices.</summary>
    public const string Tag = "reply";

    /// <summary>The answer to HELP: who is texting, where to sign in, whom to call, how to stop.</summary>
    public static string Help(ClinicOptions clinic) =>
        $"{clinic.Name}: texts about your patient portal account.{SignIn(clinic)}{Call(clinic)} Msg&data rates may apply. Reply STOP to opt out.";

    /// <summary>The one short answer to anything the portal does not understand (at most one a day per number).</summary>
    public static string Fallback(ClinicOptions clinic) =>
        $"{clinic.Name}: this number does not read replies.{SignIn(clinic, " to write to your care team")}{Call(clinic)} Reply HELP for help, STOP to opt out.";

    /// <summary>The delivery key of the answer to one inbound message: a redelivered message is never answered twice.</summary>
    public static string DeliveryKeyFor(InboundText text) => $"reply|{text.MessageId}";

    /// <summary>The answer to <paramref name="text"/> as a message to its sender.</summary>
    public static SmsMessage To(InboundText text, string words) =>
        new(text.From, words, DeliveryKeyFor(text), text.ReceivedAt, Tag);

    private static string SignIn(ClinicOptions clinic, string purpose = "") =>
        string.IsNullOrWhiteSpace(clinic.PortalUrl) ? "" : $" Sign in at {clinic.PortalUrl}{purpose}.";

    private static string Call(ClinicOptions clinic) =>
        string.IsNullOrWhiteSpace(clinic.Phone) ? "" : $" Call us at {clinic.Phone}.";
}
