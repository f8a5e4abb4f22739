using System.Globalization;

namespace Portal.Core.Notifications;

/// <summary>
/// An outbox entry in the patient's chart: "something is waiting for you", written in the same entity-group
/// transaction as the change that caused it, then delivered by the notification queue and the sweep.
/// </summary>
/// <param name="PatientId">The patient told.</param>
/// <param name="NoticeId">Unique within the chart; sorts newest first.</param>
/// <param name="Kind">What is waiting.</param>
/// <param name="Details">The only details the text may carry.</param>
/// <param name="Link">Where in the portal it is waiting (a path such as <c>/messages/{threadId}</c>), never clinical text.</param>
/// <param name="CreatedAt">When the change happened.</param>
/// <param name="State">How far delivery got.</param>
/// <param name="NotBefore">Not to be sent before this time (quiet hours, digest, retry back-off), or null.</param>
/// <param name="FirstAttemptAt">When it was first handed to a provider (providers deduplicate with it), or null.</param>
/// <param name="Channel">The channel it went out on: <c>sms</c> or <c>email</c>, or null while pending.</param>
/// <param name="ProviderMessageId">The provider's id for it, once taken.</param>
/// <param name="SentAt">When a provider took it.</param>
/// <param name="DeliveredAt">When the carrier reported it delivered (SMS only).</param>
/// <param name="Reason">Why it is waiting or failed (no patient data).</param>
/// <param name="Caregiver">The sign-in subject of the caregiver this copy goes to (on their own contact details); null: the patient.</param>
/// <param name="CaregiverRelationship">That caregiver's relationship to the patient, as the grant says (shown to the patient).</param>
/// <param name="Digest">It waits for (or waited for) the daily digest: it goes out bundled with the others due then.</param>
/// <param name="Bundle">The ids of the other notices sent in one digest message with this one (this one leads it).</param>
/// <param name="BundledWith">The id of the notice whose digest message carries this one.</param>
/// <param name="Invitee">
/// For a caregiver invitation: the address the patient gave for the person invited, who has no account yet (the
/// invitation's one message goes there, never to the patient's own details).
/// </param>
public sealed record Notice(
    string PatientId,
    string NoticeId,
    NoticeKind Kind,
    NoticeDetails Details,
    string Link,
    DateTimeOffset CreatedAt,
    NoticeState State = NoticeState.Pending,
    DateTimeOffset? NotBefore = null,
    DateTimeOffset? FirstAttemptAt = null,
    string? Channel = null,
    string? ProviderMessageId = null,
    DateTimeOffset? SentAt = null,
    DateTimeOffset? DeliveredAt = null,
    string? Reason = null,
    string? Caregiver = null,
    string? CaregiverRelationship = null,
    bool Digest = false,
    IReadOnlyList<string>? Bundle = null,
    string? BundledWith = null,
    NoticeContact? Invitee = null)
{
    /// <summary>A new pending notice with an id that sorts newest first in the chart.</summary>
    public static Notice Create(string patientId, NoticeKind kind, NoticeDetails details, string link, DateTimeOffset now)
    {
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        return new Notice(patientId, $"{inverted}-{Guid.NewGuid():N}", kind, details, link, now);
    }

    /// <summary>This notice's reference, for the queue.</summary>
    public NoticeReference Reference => new(PatientId, NoticeId);

    /// <summary>True once nothing more will be sent for it.</summary>
    public bool IsSettled => State is NoticeState.Sent or NoticeState.Delivered or NoticeState.Failed;
}
