namespace Portal.Core.Notifications;

/// <summary>
/// The words of every notice, in English and Spanish (the patient's <c>preferredLanguage</c>; English otherwise).
/// A template sees only the clinic's name, the portal's address and <see cref="NoticeDetails"/>, so no notice can
/// carry clinical detail: it says that something is waiting and where to read it.
/// </summary>
public static class NoticeTemplates
{
    // SmsReply: what the patient may text back, at the very end of the SMS (reminders: C or X).
    private sealed record Words(string Subject, string Line, string? SmsReply = null);

    private static readonly IReadOnlyDictionary<NoticeKind, Words> English = new Dictionary<NoticeKind, Words>
    {
        [NoticeKind.NewMessage] = new("You have a new message", "You have a new message from your care team."),
        [NoticeKind.NewResult] = new("A new test result is ready", "A new test result is ready for you."),
        [NoticeKind.NewDocument] = new("A new document is ready", "A new document was added to your record."),
        [NoticeKind.NewRecordInformation] = new("New information in your record", "New information was added to your health record."),
        [NoticeKind.AppointmentBooked] = new("Your appointment is booked", "Your appointment on {when} is booked."),
        [NoticeKind.AppointmentChanged] = new("Your appointment has changed", "Your appointment is now on {when}."),
        [NoticeKind.AppointmentCancelled] = new("Your appointment was cancelled", "Your appointment on {when} was cancelled."),
        [NoticeKind.AppointmentReminder] = new("Appointment reminder", "Reminder: you have an appointment on {when}.", "Reply C to confirm or X to cancel."),
        [NoticeKind.AppointmentRequested] = new("We received your appointment request", "We received your request for an appointment on {when}. We will let you know when it is confirmed."),
        [NoticeKind.AppointmentDeclined] = new("Your appointment request was not confirmed", "Your request for an appointment on {when} could not be confirmed."),
        [NoticeKind.WaitlistSlotOpened] = new("An earlier appointment time opened", "An earlier appointment time opened on {when}. The first to book it gets it."),
        [NoticeKind.RefillStatus] = new("Your refill request was updated", "There is an update on your refill request."),
        [NoticeKind.RefillDue] = new("A refill is due soon", "One of your medications is due for a refill soon."),
        [NoticeKind.ReportedItemReviewed] = new("Your care team reviewed your information", "Your care team reviewed a medication or allergy you told us about."),
        [NoticeKind.StatementReady] = new("Your statement is ready", "Your statement is ready to view and pay online."),
        [NoticeKind.AmendmentExtended] = new("We need more time for your request to amend your record", "We need more time to answer your request to amend your record. The reason and the new date are in the portal."),
        [NoticeKind.AmendmentAccepted] = new("Your request to amend your record was accepted", "Your request to amend your record was accepted."),
        [NoticeKind.AmendmentDenied] = new("We answered your request to amend your record", "We answered your request to amend your record. The decision and your rights are in the portal."),
        [NoticeKind.ProxyInvitation] = new("You are invited to the patient portal", "You have been invited to help someone with their care in the patient portal."),
        [NoticeKind.SecurityNotice] = new("A change to your portal account", "Your portal account changed. If this was not you, call the clinic."),
        [NoticeKind.CaregiverAccessStarted] = new("You can now help with someone's care", "You can now help someone with their care in the patient portal."),
        [NoticeKind.CaregiverAccessChanged] = new("Your caregiver access changed", "What you can see or do for someone you care for in the patient portal has changed."),
        [NoticeKind.CaregiverAccessEnded] = new("Your caregiver access has ended", "Your access to help someone with their care in the patient portal has ended."),
        [NoticeKind.GuardianAccessEnded] = new("Your portal account is now yours alone", "Now that you are 18, your parents' or guardians' access to your portal account has ended. You can invite them again from the portal."),
    };

    private static readonly IReadOnlyDictionary<NoticeKind, Words> Spanish = new Dictionary<NoticeKind, Words>
    {
        [NoticeKind.NewMessage] = new("Tiene un mensaje nuevo", "Tiene un mensaje nuevo de su equipo de atención."),
        [NoticeKind.NewResult] = new("Tiene un resultado nuevo", "Tiene un resultado de laboratorio nuevo."),
        [NoticeKind.NewDocument] = new("Tiene un documento nuevo", "Se agregó un documento nuevo a su expediente."),
        [NoticeKind.NewRecordInformation] = new("Información nueva en su expediente", "Se agregó información nueva a su expediente médico."),
        [NoticeKind.AppointmentBooked] = new("Su cita está reservada", "Su cita del {when} está reservada."),
        [NoticeKind.AppointmentChanged] = new("Su cita cambió", "Su cita ahora es el {when}."),
        [NoticeKind.AppointmentCancelled] = new("Su cita fue cancelada", "Su cita del {when} fue cancelada."),
        [NoticeKind.AppointmentReminder] = new("Recordatorio de cita", "Recordatorio: tiene una cita el {when}.", "Responda C para confirmar o X para cancelar."),
        [NoticeKind.AppointmentRequested] = new("Recibimos su solicitud de cita", "Recibimos su solicitud de una cita el {when}. Le avisaremos cuando esté confirmada."),
        [NoticeKind.AppointmentDeclined] = new("Su solicitud de cita no fue confirmada", "Su solicitud de una cita el {when} no pudo confirmarse."),
        [NoticeKind.WaitlistSlotOpened] = new("Se abrió un horario de cita más temprano", "Se abrió un horario de cita más temprano el {when}. La primera persona que lo reserve lo obtiene."),
        [NoticeKind.RefillStatus] = new("Su solicitud de resurtido cambió", "Hay novedades sobre su solicitud de resurtido."),
        [NoticeKind.RefillDue] = new("Pronto necesitará un resurtido", "Uno de sus medicamentos necesitará un resurtido pronto."),
        [NoticeKind.ReportedItemReviewed] = new("Su equipo de atención revisó su información", "Su equipo de atención revisó un medicamento o una alergia que usted nos informó."),
        [NoticeKind.StatementReady] = new("Su estado de cuenta está listo", "Su estado de cuenta está listo para ver y pagar en línea."),
        [NoticeKind.AmendmentExtended] = new("Necesitamos más tiempo para su solicitud de corrección", "Necesitamos más tiempo para responder a su solicitud de corregir su expediente. El motivo y la nueva fecha están en el portal."),
        [NoticeKind.AmendmentAccepted] = new("Su solicitud de corrección fue aceptada", "Su solicitud de corregir su expediente fue aceptada."),
        [NoticeKind.AmendmentDenied] = new("Respondimos a su solicitud de corrección", "Respondimos a su solicitud de corregir su expediente. La decisión y sus derechos están en el portal."),
        [NoticeKind.ProxyInvitation] = new("Invitación al portal del paciente", "Lo invitaron a ayudar a alguien con su atención en el portal del paciente."),
        [NoticeKind.SecurityNotice] = new("Un cambio en su cuenta del portal", "Su cuenta del portal cambió. Si no fue usted, llame a la clínica."),
        [NoticeKind.CaregiverAccessStarted] = new("Ya puede ayudar con la atención de alguien", "Ya puede ayudar a alguien con su atención en el portal del paciente."),
        [NoticeKind.CaregiverAccessChanged] = new("Su acceso como cuidador cambió", "Cambió lo que puede ver o hacer por una persona a su cuidado en el portal del paciente."),
        [NoticeKind.CaregiverAccessEnded] = new("Su acceso como cuidador terminó", "Terminó su acceso para ayudar a alguien con su atención en el portal del paciente."),
        [NoticeKind.GuardianAccessEnded] = new("Su cuenta del portal ahora es solo suya", "Ahora que tiene 18 años, terminó el acceso de sus padres o tutores a su cuenta del portal. Puede invitarlos de nuevo desde el portal."),
    };

    /// <summary>The kinds every language must word.</summary>
    public static IReadOnlyList<NoticeKind> Kinds { get; } = Enum.GetValues<NoticeKind>();

    /// <summary>Renders a notice in the patient's language and time zone.</summary>
    /// <param name="kind">What is waiting.</param>
    /// <param name="details">The only details a notice may carry.</param>
    /// <param name="language">The patient's BCP 47 tag (<c>es</c>, <c>es-MX</c> …); anything else gets English.</param>
    /// <param name="timeZone">The patient's (or clinic's) IANA zone, for <see cref="NoticeDetails.When"/>.</param>
    /// <param name="clinicName">Who is writing.</param>
    /// <param name="portalUrl">Where to read it.</param>
    public static NoticeText Render(NoticeKind kind, NoticeDetails details, string? language, TimeZoneInfo timeZone, string clinicName, string portalUrl)
    {
        var spanish = NoticeLanguage.IsSpanish(language);
        var words = (spanish ? Spanish : English)[kind];
        var when = details.When is { } at ? NoticeLanguage.When(at, spanish, timeZone) : "";
        var line = words.Line.Replace("{when}", when, StringComparison.Ordinal);
        if (kind == NoticeKind.ProxyInvitation && details.InvitationCode is not null)
        {
            line += spanish
                ? $" Su código de invitación es {details.InvitationCode}; vale 14 días."
                : $" Your invitation code is {details.InvitationCode}; it works for 14 days.";
        }

        return Compose(clinicName, words.Subject, line, portalUrl, spanish, several: false, words.SmsReply);
    }

    /// <summary>The SMS, subject and body around one line: the clinic first, then where to sign in to see it (or them).</summary>
    internal static NoticeText Compose(string clinicName, string subject, string line, string portalUrl, bool spanish, bool several, string? smsReply = null)
    {
        // Without a configured address the text still says where to look, just without a link.
        var (see, seeIn) = (spanish, several) switch
        {
            (true, false) => ("Inicie sesión para verlo", "Inicie sesión en el portal del paciente para verlo."),
            (true, true) => ("Inicie sesión para verlas", "Inicie sesión en el portal del paciente para verlas."),
            (false, false) => ("Sign in to see it", "Sign in to the patient portal to see it."),
            (false, true) => ("Sign in to see them", "Sign in to the patient portal to see them."),
        };
        var signIn = portalUrl.Length > 0 ? $"{see}: {portalUrl}" : seeIn;
        var noReply = spanish ? "No responda a este correo; escríbanos desde el portal." : "Please do not reply to this e-mail; write to us from the portal.";
        return new NoticeText(
            Sms: smsReply is null ? $"{clinicName}: {line} {signIn}" : $"{clinicName}: {line} {signIn} {smsReply}",
            EmailSubject: $"{clinicName}: {subject}",
            EmailBody: $"{line}{Environment.NewLine}{Environment.NewLine}{signIn}{Environment.NewLine}{Environment.NewLine}{noReply}{Environment.NewLine}{clinicName}");
    }
}
