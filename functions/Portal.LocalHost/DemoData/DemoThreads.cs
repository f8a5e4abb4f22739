using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Files;
using Portal.Core.Identity;
using Portal.Core.Messaging;
using Portal.Core.Notifications;

namespace Portal.LocalHost.DemoData;

/// <summary>
/// A few conversations with the care team for the new demo patients, written through the real use cases by the
/// real people: the patient (or Leo's father, for Leo) writes, the pool's staff member answers. Each answer sends
/// the patient a "new message" notice, which the development outbox shows (after quiet hours, at night). Leo's
/// father attaches the school's form (a generated one-page PDF), uploaded first like any attachment. Luis has his own
/// contact details (Spanish, by SMS), so the front desk's answer reaches him as a caregiver's notice too.
/// </summary>
internal static class DemoThreads
{
    private sealed record Conversation(
        string Patient, string Writer, string Pool, string Subject, string Question, string Answerer, string Answer, string? AttachmentName = null);

    private static readonly string[] SchoolForm =
    [
        "Lincoln Middle School - Athletics",
        "Pre-participation physical evaluation",
        "",
        "Student: Leo Diaz        Sport: Basketball        Season: Winter",
        "Parent or guardian: Luis Diaz",
        "",
        "To be completed by the examining clinician:",
        "Cleared for all sports without restriction  [ ]",
        "Cleared with recommendations  [ ]        Not cleared  [ ]",
        "",
        "Clinician signature: ____________________   Date: __________",
    ];

    private static readonly Conversation[] Conversations =
    [
        new("patient-ana", "patient-ana", "care-team", "Booking my follow-up",
            "Dr. Chen asked me to come back in about six weeks. Should I book that now or wait for a reminder?",
            "dr-chen", "Please book it now, Ana. The front desk can find you a morning slot in mid-January."),
        new("patient-ben", "patient-ben", "billing", "Question about my statement",
            "I think my insurance was billed twice for the November visit. Could you check?",
            "billing-kim", "Thanks, Benjamin. I found the duplicate claim and asked the payer to void it; you owe nothing for now."),
        new("patient-leo", "caregiver-luis", "scheduling", "Sports physical for Leo",
            "Leo needs a sports physical form signed before basketball starts on January 12. Can we come in before then? The school's form is attached.",
            "frontdesk-lee", "Hi Luis, we can see Leo on January 6 at 3:30 PM. We have the form; bring a printed copy too if you can.",
            "Sports physical form - Lincoln Middle School.pdf"),
    ];

    /// <summary>Starts each conversation of a patient created by this seed run, and answers it.</summary>
    public static async Task SeedAsync(IServiceProvider services, IReadOnlyDictionary<string, string> createdPatients, CancellationToken cancellationToken)
    {
        var contact = services.GetRequiredService<MyNoticeContact>();
        var luis = Person(DemoPeople.Caregiver.Subject) with { HasMfa = true };
        if ((await contact.GetAsync(luis, cancellationToken)).ETag == NoticeContact.NoneETag)
        {
            await contact.ChangeAsync(
                luis, NoticeContact.NoneETag, new NoticeContact("+13125550199", "luis.diaz@example.org", SmsConsent: true, EmailConsent: true, "es-US", "America/Chicago"), cancellationToken);
        }

        var start = services.GetRequiredService<StartThread>();
        var reply = services.GetRequiredService<ReplyToThread>();
        var upload = services.GetRequiredService<UploadAttachment>();
        foreach (var conversation in Conversations.Where(c => createdPatients.ContainsKey(c.Patient)))
        {
            var patientId = createdPatients[conversation.Patient];
            string[]? attachments = null;
            if (conversation.AttachmentName is { } name)
            {
                var file = new IncomingFile(name, FileFormat.Pdf.ContentType, DemoPdf.Page("Sports physical form", SchoolForm));
                var uploaded = await upload.ExecuteAsync(Person(conversation.Writer), patientId, file, $"demo-file-{conversation.Patient}", cancellationToken);
                attachments = uploaded.Succeeded
                    ? [uploaded.Value.AttachmentId]
                    : throw new InvalidOperationException($"Demo attachment for {conversation.Patient} was refused: {uploaded.Failure.Detail}");
            }

            var thread = await start.ExecuteAsync(
                Person(conversation.Writer), patientId, new NewThread(conversation.Pool, conversation.Subject, conversation.Question, attachments), $"demo-{conversation.Patient}", cancellationToken);
            var threadId = thread.Succeeded
                ? thread.Value.Thread.ThreadId
                : throw new InvalidOperationException($"Demo thread for {conversation.Patient} was refused: {thread.Failure.Detail}");
            var answered = await reply.ExecuteAsync(Person(conversation.Answerer), patientId, threadId, conversation.Answer, null, cancellationToken);
            if (!answered.Succeeded)
            {
                throw new InvalidOperationException($"Demo answer for {conversation.Patient} was refused: {answered.Failure.Detail}");
            }
        }
    }

    private static Caller Person(string subject)
    {
        if (DemoPeople.Patients.SingleOrDefault(p => p.Subject == subject) is { } patient)
        {
            return new Caller(subject, $"{patient.GivenName} {patient.FamilyName}", new HashSet<string> { "Patient" }, HasMfa: false);
        }

        var person = subject == DemoPeople.Caregiver.Subject ? DemoPeople.Caregiver : DemoPeople.Staff.Single(s => s.Subject == subject);
        return new Caller(person.Subject, person.Name, person.Roles.ToHashSet(), HasMfa: false);
    }
}
