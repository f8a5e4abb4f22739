namespace Portal.Core.Common;

/// <summary>How a creating request goes on from its <c>Idempotency-Key</c>, the same way for every operation.</summary>
public static class RequestReplayClaims
{
    /// <summary>
    /// The replay the request goes on from: a live one with the same key and request (a retry: <c>Retry</c> is true),
    /// or a new one naming <paramref name="newResourceId"/>, remembered first when there is a key so a retry after a
    /// failure writes the very same resource; 409 for a key used for another request.
    /// </summary>
    public static async Task<Result<(RequestReplay Replay, bool Retry)>> ClaimAsync(
        this IRequestReplays replays, string subject, string operation, string? key, string requestHash, Func<string> newResourceId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var replay = key is null ? null : await replays.FindAsync(subject, operation, key, cancellationToken);
        if (replay is not null && replay.IsLive(now))
        {
            return replay.RequestHash == requestHash
                ? (replay, true)
                : new Failure(FailureKind.Conflict, "This Idempotency-Key was used for a different request.");
        }

        replay = new RequestReplay(subject, operation, key ?? "", requestHash, newResourceId(), now);
        if (key is not null)
        {
            await replays.SaveAsync(replay, cancellationToken);
        }

        return (replay, false);
    }
}
