namespace Portal.Core.Messaging;

/// <summary>An open thread as the pool's inbox index holds it.</summary>
/// <param name="PatientId">Whose chart holds the thread.</param>
/// <param name="ThreadId">The thread.</param>
/// <param name="Pool">The pool.</param>
/// <param name="Subject">What it is about.</param>
/// <param name="WaitingSince">Since when the patient's side waits; null when answered.</param>
/// <param name="LastActivityAt">The last message.</param>
/// <param name="AssignedTo">The staff member it is assigned to.</param>
public sealed record InboxEntry(
    string PatientId, string ThreadId, string Pool, string Subject, DateTimeOffset? WaitingSince, DateTimeOffset LastActivityAt, string? AssignedTo)
{
    /// <summary>The entry for a thread, or null when the thread belongs in no inbox (closed).</summary>
    public static InboxEntry? Of(MessageThread thread) => thread.Status == ThreadStatus.Closed
        ? null
        : new(thread.PatientId, thread.ThreadId, thread.Pool, thread.Subject, thread.WaitingSince, thread.LastActivityAt, thread.AssignedTo);
}
