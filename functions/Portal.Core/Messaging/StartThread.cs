using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Messaging;

/// <summary>
/// Use case: the patient, or a caregiver with <c>messages.write</c>, starts a conversation with a pool; the pool
/// answers at once with its response time and the emergency line. With an Idempotency-Key a retry answers with the
/// same thread: the key is remembered first with the thread's id and time, so a retry after a failure rewrites
/// exactly the same rows.
/// </summary>
public sealed class StartThread(
    IMessageThreads threads, ThreadAccess access, MessagePools pools, UnsentAttachments uploads, IRequestReplays replays, TimeProvider clock)
{
    private const string Operation = "thread";

    /// <summary>The new thread with its messages; 400 for bad input, 404/403 per the access policy, 409 for a reused key.</summary>
    public async Task<Result<ThreadView>> ExecuteAsync(
        Caller caller, string patientId, NewThread request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var pool = pools.Find(request.Pool);
        var errors = MessagingRules.ValidateNewThread(request.Pool, pool, request.Subject, request.Message, pools.All).RequireAttachments(request.Attachments);
        errors.Require(IdempotencyKeys.IsValidOrAbsent(idempotencyKey), IdempotencyKeys.Field, IdempotencyKeys.Rule);
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        var visit = await access.OpenAsync(caller, patientId, Permission.Change(DataCategory.Messages), $"patients/{patientId}/threads", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        if (ThreadAccess.AuthorKind(visit.Value) == MessageAuthorKind.CareTeam)
        {
            // Staff answer threads; a conversation is the patient's to start.
            await access.RecordAsync(visit.Value, false, cancellationToken);
            return new Failure(FailureKind.Forbidden, "Conversations are started by the patient or their caregiver.");
        }

        var outcome = await StartAsync(visit.Value, pool!, request, idempotencyKey, cancellationToken);
        await access.RecordAsync(visit.Value, outcome.Succeeded, cancellationToken);
        return outcome;
    }

    private async Task<Result<ThreadView>> StartAsync(ChartVisit visit, MessagePool pool, NewThread request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await replays.ClaimAsync(
            visit.Caller.Subject, Operation, idempotencyKey, IdempotencyKeys.Hash(new { visit.PatientId, request }), () => Guid.NewGuid().ToString("N"), now, cancellationToken);
        if (!claimed.Succeeded)
        {
            return claimed.Failure;
        }

        var (replay, retry) = claimed.Value;
        if (retry && await threads.FindAsync(visit.PatientId, replay.ResourceId, cancellationToken) is { } earlier)
        {
            return new ThreadView(earlier.Value, pool, earlier.Value.UnreadFor(visit.Caller.Subject),
                await threads.MessagesAsync(visit.PatientId, replay.ResourceId, cancellationToken));
        }

        // Everything below follows from the replay, so a retry writes the very same rows.
        var (threadId, at) = (replay.ResourceId, replay.CreatedAt);
        var taken = await uploads.ResolveAsync(visit, request.Attachments, now, cancellationToken);
        if (!taken.Succeeded)
        {
            return taken.Failure;
        }

        var first = ThreadAccess.Message(visit, threadId, request.Message, at, 0);
        if (taken.Value.Count > 0)
        {
            first = first with { Attachments = [.. taken.Value.Select(u => u.Value.Summary)] };
        }

        var automatic = new ThreadMessage(threadId, MessagingRules.MessageId(at, 1), MessageAuthorKind.Automatic, "", pool.DisplayName, null, MessagingRules.AutomaticReply(pool), at);
        var empty = new MessageThread(visit.PatientId, threadId, pool.Id, request.Subject.Trim(), ThreadStatus.Open, at, at, null, 0, null, new Dictionary<string, int>(), visit.Caller.Subject);
        var thread = MessagingRules.After(MessagingRules.After(empty, first), automatic) with { WaitingSince = at };
        thread = thread.ReadAllBy(visit.Caller.Subject);
        try
        {
            await threads.StartAsync(thread, [first, automatic], taken.Value, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Either a concurrent retry of the same request got there first (the thread is the same), or another
            // message took an upload meanwhile (the inbox row written first is an orphan the reconciliation removes).
            if (await threads.FindAsync(visit.PatientId, threadId, cancellationToken) is null)
            {
                return Failure.Invalid("attachments", "An attachment was sent with another message meanwhile; upload it again.");
            }
        }

        return new ThreadView(thread, pool, 0, [first, automatic]);
    }
}
