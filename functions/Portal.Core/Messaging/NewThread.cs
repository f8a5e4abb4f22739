namespace Portal.Core.Messaging;

/// <summary>A patient's first message to a pool.</summary>
/// <param name="Pool">The pool's id (care-team, billing, scheduling, refills …).</param>
/// <param name="Subject">What it is about (at most 200 characters).</param>
/// <param name="Message">The message (at most 4,000 characters).</param>
/// <param name="Attachments">Ids of the caller's unsent uploads to send with it (at most five).</param>
public sealed record NewThread(string Pool, string Subject, string Message, IReadOnlyList<string>? Attachments = null);
