namespace Portal.Core.Notifications;

/// <summary>
/// The words of notices that name what is waiting instead of saying it in a sentence: a daily digest (several
/// notices in one message) and a caregiver's copy (about "someone you care for", never by name). Like every template
/// they see only kinds, the clinic's name and the portal's address: a kind's short phrase, never a detail.
/// </summary>
public static class NoticeSummaries
{
    /// <summary>The longest SMS a summary may be (two segments); a longer list of what is waiting is left out.</summary>
    public const int MaxSmsLength = 320;

    private static readonly IReadOnlyDictionary<NoticeKind, (string English, string Spanish)> Phrases = new Dictionary<NoticeKind, (string, string)>
    {
        [NoticeKind.NewMessage] = ("a new message from the care team", "un mensaje nuevo del equipo de atención"),
        [NoticeKind.NewResult] = ("a new test result", "un resultado de laboratorio nuevo"),
        [NoticeKind.NewDocument] = ("a new document", "un documento nuevo"),
        [NoticeKind.NewRecordInformation] = ("new information in the health record", "información nueva en el expediente médico"),
        [NoticeKind.AppointmentBooked] = ("a newly booked appointment", "una cita reservada"),
        [NoticeKind.AppointmentChanged] = ("a changed appointment", "una cita que cambió"),
        [NoticeKind.AppointmentCancelled] = ("a cancelled appointment", "una cita cancelada"),
        [NoticeKind.AppointmentReminder] = ("an upcoming appointment", "una cita próxima"),
        [NoticeKind.AppointmentRequested] = ("an appointment request", "una solicitud de cita"),
        [NoticeKind.AppointmentDeclined] = ("an answer to an appointment request", "una respuesta a una solicitud de cita"),
        [NoticeKind.WaitlistSlotOpened] = ("an earlier appointment time", "un horario de cita más temprano"),
        [NoticeKind.RefillStatus] = ("news about a refill request", "novedades sobre una solicitud de resurtido"),
        [NoticeKind.RefillDue] = ("a refill due soon", "un resurtido que vence pronto"),
        [NoticeKind.ReportedItemReviewed] = ("a review of a reported medication or allergy", "una revisión de un medicamento o una alergia informados"),
        [NoticeKind.StatementReady] = ("a new statement", "un estado de cuenta nuevo"),
        [NoticeKind.AmendmentExtended] = ("news about a request to correct the record", "novedades sobre una solicitud de corrección del expediente"),
        [NoticeKind.AmendmentAccepted] = ("news about a request to correct the record", "novedades sobre una solicitud de corrección del expediente"),
        [NoticeKind.AmendmentDenied] = ("news about a request to correct the record", "novedades sobre una solicitud de corrección del expediente"),
        [NoticeKind.ProxyInvitation] = ("an invitation to help with someone's care", "una invitación para ayudar con la atención de alguien"),
        [NoticeKind.SecurityNotice] = ("a change to the portal account", "un cambio en la cuenta del portal"),
        [NoticeKind.CaregiverAccessStarted] = ("caregiver access that started", "un acceso de cuidador que comenzó"),
        [NoticeKind.CaregiverAccessChanged] = ("a change to caregiver access", "un cambio en el acceso de cuidador"),
        [NoticeKind.CaregiverAccessEnded] = ("caregiver access that ended", "un acceso de cuidador que terminó"),
        [NoticeKind.GuardianAccessEnded] = ("the end of a guardian's access", "el fin del acceso de un tutor"),
    };

    /// <summary>The kinds every language must phrase.</summary>
    public static IReadOnlyList<NoticeKind> Kinds { get; } = [.. Phrases.Keys];

    /// <summary>One message for <paramref name="kinds"/> (one per notice it carries, repeats allowed).</summary>
    /// <param name="kinds">What is waiting, one kind per notice.</param>
    /// <param name="forCaregiver">True for a caregiver: about "someone you care for".</param>
    /// <param name="language">The recipient's BCP 47 tag; Spanish for <c>es</c>/<c>es-*</c>, English otherwise.</param>
    /// <param name="clinicName">Who is writing.</param>
    /// <param name="portalUrl">Where to read it.</param>
    public static NoticeText Render(IReadOnlyList<NoticeKind> kinds, bool forCaregiver, string? language, string clinicName, string portalUrl)
    {
        var spanish = NoticeLanguage.IsSpanish(language);
        var phrases = string.Join("; ", kinds.Distinct().Select(kind => spanish ? Phrases[kind].Spanish : Phrases[kind].English));
        var several = kinds.Count > 1;
        var text = Words(spanish, forCaregiver, several, kinds.Count, phrases, clinicName, portalUrl);
        // A long list would split the text into many segments: say how many, not which.
        return text.Sms.Length <= MaxSmsLength ? text : Words(spanish, forCaregiver, several, kinds.Count, null, clinicName, portalUrl);
    }

    private static NoticeText Words(bool spanish, bool forCaregiver, bool several, int count, string? phrases, string clinicName, string portalUrl)
    {
        var listed = phrases is null ? "" : $": {phrases}";
        var (subject, line) = (spanish, forCaregiver, several) switch
        {
            (false, false, _) => ($"{count} updates in your patient portal", $"You have {count} updates in the patient portal{listed}."),
            (false, true, false) => ("An update for someone you care for", $"Someone you care for has {phrases ?? "an update"} in the patient portal."),
            (false, true, true) => ($"{count} updates for someone you care for", $"Someone you care for has {count} updates in the patient portal{listed}."),
            (true, false, _) => ($"{count} novedades en su portal del paciente", $"Tiene {count} novedades en el portal del paciente{listed}."),
            (true, true, false) => ("Una novedad de una persona a su cuidado", $"Una persona a su cuidado tiene {phrases ?? "una novedad"} en el portal del paciente."),
            (true, true, true) => ($"{count} novedades de una persona a su cuidado", $"Una persona a su cuidado tiene {count} novedades en el portal del paciente{listed}."),
        };
        return NoticeTemplates.Compose(clinicName, subject, line, portalUrl, spanish, several);
    }
}
