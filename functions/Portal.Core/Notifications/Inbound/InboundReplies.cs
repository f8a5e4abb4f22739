using Portal.Core.Clinic;

namespace Portal.Core.Notifications.Inbound;

/// <summary>
/// The words of the portal's answers to texts, in English or Spanish. They see only the clinic's name, portal
/// address and phone, so no answer can carry clinical detail. STOP stays STOP in Spanish too: it is the word carriers
/// act on.
/// </summary>
public static class InboundReplies
{
    /// <summary>The tag answers carry, so delivery reports can tell them from notices.</summary>
    public const string Tag = "reply";

    /// <summary>The answer to HELP (AYUDA): who is texting, where to sign in, whom to call, how to stop.</summary>
    public static string Help(ClinicOptions clinic, bool spanish) => spanish
        ? $"{clinic.Name}: mensajes sobre su cuenta del portal del paciente.{SignIn(clinic, spanish)}{Call(clinic, spanish)} Pueden aplicarse tarifas de mensajes y datos. Responda STOP para no recibir más mensajes."
        : $"{clinic.Name}: texts about your patient portal account.{SignIn(clinic, spanish)}{Call(clinic, spanish)} Msg&data rates may apply. Reply STOP to opt out.";

    /// <summary>The one short answer to anything the portal does not understand (at most one a day per number).</summary>
    public static string Fallback(ClinicOptions clinic, bool spanish) => spanish
        ? $"{clinic.Name}: este número no lee respuestas.{SignIn(clinic, spanish, " para escribir a su equipo de atención")}{Call(clinic, spanish)} Responda AYUDA para obtener ayuda o STOP para no recibir más mensajes."
        : $"{clinic.Name}: this number does not read replies.{SignIn(clinic, spanish, " to write to your care team")}{Call(clinic, spanish)} Reply HELP for help, STOP to opt out.";

    /// <summary>
    /// The confirmation of a Spanish opt-out keyword (ALTO, PARA …): carriers do not answer those, so the portal does,
    /// once, before its own opt-out stops every text to the number.
    /// </summary>
    public static string OptedOutInSpanish(ClinicOptions clinic) =>
        $"{clinic.Name}: ya no recibirá mensajes de texto nuestros. Responda START para volver a recibirlos.";

    /// <summary>The delivery key of the answer to one inbound message: a redelivered message is never answered twice.</summary>
    public static string DeliveryKeyFor(InboundText text) => $"reply|{text.MessageId}";

    /// <summary>The answer to <paramref name="text"/> as a message to its sender.</summary>
    public static SmsMessage To(InboundText text, string words) =>
        new(text.From, words, DeliveryKeyFor(text), text.ReceivedAt, Tag);

    private static string SignIn(ClinicOptions clinic, bool spanish, string purpose = "") =>
        string.IsNullOrWhiteSpace(clinic.PortalUrl) ? "" : spanish ? $" Inicie sesión en {clinic.PortalUrl}{purpose}." : $" Sign in at {clinic.PortalUrl}{purpose}.";

    private static string Call(ClinicOptions clinic, bool spanish) =>
        string.IsNullOrWhiteSpace(clinic.Phone) ? "" : spanish ? $" Llámenos al {clinic.Phone}." : $" Call us at {clinic.Phone}.";
}
