using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Messaging;

/// <summary>
/// Use case: a pool's inbox for the staff who answer it: open threads, longest unanswered wait first, with the
/// waiting time and the response-time target. One index partition; no chart is read until a thread is opened.
/// </summary>
public sealed class ListInbox(IMessageThreads threads, MessagePools pools, TimeProvider clock)
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>One page; 400 for an unknown pool, 403 unless the caller holds the pool's role.</summary>
    public async Task<Result<(MessagePool Pool, Page<InboxItem> Page)>> ExecuteAsync(
        Caller caller, string? poolId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var pool = pools.Find(poolId);
        var errors = new FieldErrors();
        errors.Require(pool is not null, "pool", $"One of: {string.Join(", ", pools.All.Select(p => p.Id))}.");
        errors.Require(pageSize is >= 1 and <= MaxPageSize, "pageSize", $"Between 1 and {MaxPageSize}.");
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        if (!caller.IsInRole(pool!.StaffRole))
        {
            return new Failure(FailureKind.Forbidden, $"The {pool.DisplayName} inbox is for staff with the {pool.StaffRole} role.");
        }

        Page<InboxEntry> page;
        try
        {
            page = await threads.InboxAsync(pool.Id, pageSize, continuationToken, cancellationToken);
        }
        catch (InvalidContinuationTokenException exception)
        {
            return Failure.Invalid("continuationToken", exception.Message);
        }

        var now = clock.GetUtcNow();
        return (pool, new Page<InboxItem>([.. page.Items.Select(e => Triage(e, pool, now))], page.ContinuationToken));
    }

    private static InboxItem Triage(InboxEntry entry, MessagePool pool, DateTimeOffset now)
    {
        if (entry.WaitingSince is not { } since)
        {
            return new InboxItem(entry, 0, null, false);
        }

        var respondBy = MessagingRules.RespondBy(since, pool);
        return new InboxItem(entry, (int)Math.Max(0, (now - since).TotalMinutes), respondBy, now > respondBy);
    }
}
