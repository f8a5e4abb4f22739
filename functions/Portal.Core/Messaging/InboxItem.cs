namespace Portal.Core.Messaging;

/// <summary>An inbox entry with what staff need to triage it.</summary>
/// <param name="Entry">The thread as the index holds it.</param>
/// <param name="WaitingMinutes">How long the patient's side has waited (0 when answered).</param>
/// <param name="RespondBy">The response-time target, or null when answered.</param>
/// <param name="Overdue">True when the target has passed.</param>
public sealed record InboxItem(InboxEntry Entry, int WaitingMinutes, DateTimeOffset? RespondBy, bool Overdue);
