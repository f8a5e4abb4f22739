using System.Globalization;
using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Messaging;

/// <summary>Use case: the patient's conversations, newest activity first, each with the caller's unread count.</summary>
public sealed class ListThreads(IMessageThreads threads, ThreadAccess access, MessagePools pools)
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>One page; staff see only the threads of pools their role answers.</summary>
    public async Task<Result<Page<ThreadView>>> ExecuteAsync(
        Caller caller, string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            return Failure.Invalid("pageSize", $"Between 1 and {MaxPageSize}.");
        }

        // A chart holds few threads: they are read in one query and paged by position.
        var skip = 0;
        if (continuationToken is not null && (!int.TryParse(continuationToken, NumberStyles.None, CultureInfo.InvariantCulture, out skip) || skip <= 0))
        {
            return Failure.Invalid("continuationToken", "Use the token of the previous page.");
        }

        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Messages), $"patients/{patientId}/threads", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var all = (await threads.ListAsync(patientId, cancellationToken))
            .Where(t => ThreadAccess.MaySee(visit.Value, t) && access.MaySee(visit.Value, t.Pool) && pools.Find(t.Pool) is not null)
            .OrderByDescending(t => t.LastActivityAt)
            .ThenBy(t => t.ThreadId, StringComparer.Ordinal)
            .ToList();
        var page = all.Skip(skip).Take(pageSize)
            .Select(t => new ThreadView(t, pools.Find(t.Pool)!, t.UnreadFor(caller.Subject), []))
            .ToList();
        await access.RecordAsync(visit.Value, true, cancellationToken);
        var next = skip + pageSize < all.Count ? (skip + pageSize).ToString(CultureInfo.InvariantCulture) : null;
        return new Page<ThreadView>(page, next);
    }
}
