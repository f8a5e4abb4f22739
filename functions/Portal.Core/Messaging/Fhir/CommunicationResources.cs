using Hl7.Fhir.Model;

namespace Portal.Core.Messaging.Fhir;

/// <summary>
/// Secure messages as FHIR R4 <c>Communication</c> resources: one per message, in the patient's chart. The thread is
/// the <c>topic</c> (its subject as text, its id as the code in <see cref="ThreadSystem"/>), the pool the
/// <c>category</c>; the sender is the patient, a caregiver (<c>RelatedPerson</c>), a member of the care team
/// (<c>Practitioner</c>) or the pool's automatic reply (<c>HealthcareService</c>); attachments are
/// <c>contentAttachment</c> payloads whose <c>url</c> is the API's download-link endpoint. Only the patient has a
/// resource to point to; the others are named by <c>display</c>.
/// </summary>
public static class CommunicationResources
{
    /// <summary>The identifier system of messages: the value is <c>{threadId}/{messageId}</c>.</summary>
    public const string MessageSystem = "urn:portal:message";

    /// <summary>The code system of threads (the topic's code is the thread id).</summary>
    public const string ThreadSystem = "urn:portal:thread";

    /// <summary>The code system of care-team pools (the category's code is the pool id).</summary>
    public const string PoolSystem = "urn:portal:message-pool";

    /// <summary>The resource id of a message: <c>{threadId}.{messageId}</c> (FHIR ids allow letters, digits, '-' and '.').</summary>
    public static string IdOf(string threadId, string messageId) => $"{threadId}.{messageId}";

    /// <summary>The thread and message of a resource id; false for anything that is not one.</summary>
    public static bool TryParseId(string? id, out string threadId, out string messageId)
    {
        var dot = id?.IndexOf('.') ?? -1;
        (threadId, messageId) = dot > 0 ? (id![..dot], id[(dot + 1)..]) : ("", "");
        return dot > 0 && messageId.Length > 0 && id!.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
    }

    /// <summary>One message as a <c>Communication</c>.</summary>
    /// <param name="thread">Its thread.</param>
    /// <param name="pool">The thread's pool.</param>
    /// <param name="message">The message.</param>
    /// <param name="apiBase">The API's absolute base (<c>https://host/api</c>), for attachment links.</param>
    public static Communication From(MessageThread thread, MessagePool pool, ThreadMessage message, string apiBase)
    {
        var patient = new ResourceReference($"Patient/{thread.PatientId}");
        var fromPatientSide = message.AuthorKind is MessageAuthorKind.Patient or MessageAuthorKind.Caregiver;
        var communication = new Communication
        {
            Id = IdOf(thread.ThreadId, message.MessageId),
            Identifier = [new Identifier(MessageSystem, $"{thread.ThreadId}/{message.MessageId}")],
            Status = EventStatus.Completed,
            Category = [new CodeableConcept(PoolSystem, pool.Id, pool.DisplayName, pool.Category)],
            Subject = patient,
            Topic = new CodeableConcept(ThreadSystem, thread.ThreadId, thread.Subject, thread.Subject),
            Sent = message.SentAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
            Sender = Sender(message, patient, pool),
            Recipient = [fromPatientSide ? new ResourceReference { Type = "CareTeam", Display = pool.DisplayName } : patient],
            Payload = [new Communication.PayloadComponent { Content = new FhirString(message.Text) }],
        };
        foreach (var attachment in message.Attachments ?? [])
        {
            communication.Payload.Add(new Communication.PayloadComponent
            {
                Content = new Hl7.Fhir.Model.Attachment
                {
                    ContentType = attachment.ContentType,
                    Title = attachment.FileName,
                    SizeUnsignedInt = (int)Math.Min(attachment.Size, int.MaxValue),
                    Url = $"{apiBase.TrimEnd('/')}/patients/{Uri.EscapeDataString(thread.PatientId)}/threads/{thread.ThreadId}/attachments/{attachment.AttachmentId}",
                },
            });
        }

        return communication;
    }

    private static ResourceReference Sender(ThreadMessage message, ResourceReference patient, MessagePool pool) => message.AuthorKind switch
    {
        MessageAuthorKind.Patient => new ResourceReference(patient.Reference, message.AuthorName),
        MessageAuthorKind.Caregiver => new ResourceReference { Type = "RelatedPerson", Display = message.AuthorName },
        MessageAuthorKind.CareTeam => new ResourceReference { Type = "Practitioner", Display = message.AuthorName },
        _ => new ResourceReference { Type = "HealthcareService", Display = pool.DisplayName },
    };
}
