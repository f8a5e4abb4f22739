using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Labs.Ingestion;

/// <summary>Use case: the open entries of the unmatched-results work queue, newest first.</summary>
public sealed class ListUnmatchedResults(IUnmatchedResults entries, UnmatchedQueue queue)
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>A page, or 400/403.</summary>
    public async Task<Result<Page<UnmatchedResult>>> ExecuteAsync(Caller caller, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (pageSize < 1 || pageSize > MaxPageSize)
        {
            return Failure.Invalid("pageSize", $"Between 1 and {MaxPageSize}.");
        }

        if (await queue.CheckAsync(caller, "labs.unmatched.read", "labs/unmatched", cancellationToken) is { } denied)
        {
            return denied;
        }

        Page<UnmatchedResult> page;
        try
        {
            page = await entries.ListAsync(pageSize, continuationToken, cancellationToken);
        }
        catch (InvalidContinuationTokenException exception)
        {
            return Failure.Invalid("continuationToken", exception.Message);
        }

        await queue.RecordAsync(caller, "labs.unmatched.read", "labs/unmatched", AuditOutcome.Success, cancellationToken);
        return page;
    }
}
