namespace Portal.Core.Messaging;

/// <summary>
/// A thread write whose chart commit has not been confirmed: written into the pool's inbox index with the write's
/// new inbox row, removed once the chart commits. One still there after <see cref="Grace"/> means the write failed
/// (or its confirmation did), so the thread's inbox rows are recomputed from the chart.
/// </summary>
/// <param name="Pool">The pool whose inbox holds it.</param>
/// <param name="PatientId">The thread's chart.</param>
/// <param name="ThreadId">The thread.</param>
/// <param name="Due">When it is looked at if still there.</param>
public sealed record InboxCheck(string Pool, string PatientId, string ThreadId, DateTimeOffset Due)
{
    /// <summary>How long a write has to commit its chart before its inbox rows are recomputed.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);
}
