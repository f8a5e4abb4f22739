namespace Portal.Core.Messaging;

/// <summary>A conversation between a patient (or their caregiver) and a care-team pool.</summary>
/// <param name="PatientId">Whose chart it lives in.</param>
/// <param name="ThreadId">Unique in the chart.</param>
/// <param name="Pool">The pool's id: the thread's category.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="Status">Open or closed.</param>
/// <param name="CreatedAt">When it was started.</param>
/// <param name="LastActivityAt">When the last message was written or the status changed.</param>
/// <param name="WaitingSince">Since when the patient's side waits for the care team; null once answered.</param>
/// <param name="MessageCount">How many messages it holds.</param>
/// <param name="AssignedTo">The staff member's subject it is assigned to, or null.</param>
/// <param name="ReadBy">Per reader (sign-in subject): how many messages they have seen.</param>
/// <param name="StartedBy">The sign-in subject of whoever started it (null for threads from before it was kept): a guardian of an adolescent sees only their own.</param>
public sealed record MessageThread(
    string PatientId,
    string ThreadId,
    string Pool,
    string Subject,
    ThreadStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt,
    DateTimeOffset? WaitingSince,
    int MessageCount,
    string? AssignedTo,
    IReadOnlyDictionary<string, int> ReadBy,
    string? StartedBy = null)
{
    /// <summary>Messages the reader has not seen yet.</summary>
    public int UnreadFor(string subject) => Math.Max(0, MessageCount - ReadBy.GetValueOrDefault(subject));

    /// <summary>The thread with every message seen by the reader.</summary>
    public MessageThread ReadAllBy(string subject) => SeenBy(subject, MessageCount);

    /// <summary>The thread with the first <paramref name="seen"/> messages seen by the reader (never fewer than before).</summary>
    public MessageThread SeenBy(string subject, int seen) =>
        this with { ReadBy = new Dictionary<string, int>(ReadBy, StringComparer.Ordinal) { [subject] = Math.Max(seen, ReadBy.GetValueOrDefault(subject)) } };
}
