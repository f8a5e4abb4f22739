using Portal.Core.Clinic;
using Portal.Core.Notifications;
using Portal.Core.Notifications.Inbound;

namespace Portal.Core.Scheduling;

/// <summary>
/// The answers to a C or X reply, in the patient's language (Spanish for a Spanish <c>preferredLanguage</c>, else
/// English). They name only the clinic, the visit's time and the clinic's phone: never the visit type or reason.
/// </summary>
public sealed record ReminderReplyTexts(ClinicOptions Clinic, bool Spanish, TimeZoneInfo Zone)
{
    /// <summary>C: confirmed.</summary>
    public string Confirmed(DateTimeOffset start) => Spanish
        ? $"{Clinic.Name}: Gracias. Su cita del {When(start)} está confirmada."
        : $"{Clinic.Name}: Thank you. Your appointment on {When(start)} is confirmed.";

    /// <summary>C, when the confirmation could not be written.</summary>
    public string NotConfirmed => Spanish
        ? $"{Clinic.Name}: No pudimos confirmar su cita en este momento. Intente de nuevo."
        : $"{Clinic.Name}: We could not confirm your appointment just now. Please try again.";

    /// <summary>X: cancelled.</summary>
    public string Cancelled(DateTimeOffset start) => Spanish
        ? $"{Clinic.Name}: Su cita del {When(start)} está cancelada."
        : $"{Clinic.Name}: Your appointment on {When(start)} is cancelled.";

    /// <summary>X inside the cutoff: call the clinic.</summary>
    public string TooSoon(DateTimeOffset start) => Spanish
        ? $"{Clinic.Name}: Su cita del {When(start)} es demasiado pronto para cancelarla por mensaje." + (string.IsNullOrWhiteSpace(Clinic.Phone) ? " Llame a la clínica." : $" Llámenos al {Clinic.Phone}.")
        : $"{Clinic.Name}: Your appointment on {When(start)} is too soon to cancel by text." + (string.IsNullOrWhiteSpace(Clinic.Phone) ? " Please call the clinic." : $" Please call us at {Clinic.Phone}.");

    /// <summary>C or X with no visit behind it: the help text.</summary>
    public string Help => InboundReplies.Help(Clinic, Spanish);

    private string When(DateTimeOffset start) => NoticeLanguage.When(start, Spanish, Zone);
}
