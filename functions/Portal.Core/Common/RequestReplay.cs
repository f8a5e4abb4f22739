namespace Portal.Core.Common;

/// <summary>
/// What a creating request with an <c>Idempotency-Key</c> remembers, so a retry after a lost response
/// gets the same resource instead of a second one (or a duplicate error).
/// </summary>
/// <param name="Subject">Who asked (keys are per caller).</param>
/// <param name="Operation">What was created, e.g. <c>register</c> or <c>thread</c>: keys are per operation.</param>
/// <param name="Key">The caller's Idempotency-Key.</param>
/// <param name="RequestHash">SHA-256 of the request, to refuse the key's reuse for another request.</param>
/// <param name="ResourceId">The created resource (a patient id, a thread id).</param>
/// <param name="CreatedAt">When the key was first used; keys are honoured for <see cref="Lifetime"/>.</param>
public sealed record RequestReplay(string Subject, string Operation, string Key, string RequestHash, string ResourceId, DateTimeOffset CreatedAt)
{
    /// <summary>How long a key is remembered.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>True while the key is honoured.</summary>
    public bool IsLive(DateTimeOffset now) => CreatedAt + Lifetime > now;
}
