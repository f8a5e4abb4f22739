using Hl7.Fhir.Model;
using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Messaging.Fhir;

/// <summary>
/// Use case: the patient's secure messages as FHIR <c>Communication</c> resources, a page at a time (thread by thread,
/// oldest message first in each). Staff see the messages of the pools their role answers. Audited as a read of the
/// patient's messages.
/// </summary>
public sealed class SearchCommunications(IMessageThreads threads, ThreadAccess access, MessagePools pools)
{
    /// <summary>The page size when <c>_count</c> is not given.</summary>
    public const int DefaultCount = 50;

    /// <summary>The largest <c>_count</c>.</summary>
    public const int MaxCount = 100;

    /// <summary>One page; 400 for a bad <c>_count</c> or page token, 404/403 per the policy.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="patientId">Whose messages.</param>
    /// <param name="count">Messages per page.</param>
    /// <param name="pageToken">The previous page's token, or null.</param>
    /// <param name="apiBase">The API's absolute base, for attachment links.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<Result<Page<Communication>>> ExecuteAsync(
        Caller caller, string patientId, int count, string? pageToken, string apiBase, CancellationToken cancellationToken)
    {
        if (count is < 1 or > MaxCount)
        {
            return Failure.Invalid("_count", $"Between 1 and {MaxCount}.");
        }

        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Messages), $"patients/{patientId}/fhir/Communication", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        Page<ThreadMessage> page;
        try
        {
            page = await threads.MessagePageAsync(patientId, count, pageToken, cancellationToken);
        }
        catch (InvalidContinuationTokenException exception)
        {
            await access.RecordAsync(visit.Value, false, cancellationToken);
            return Failure.Invalid("_page", exception.Message);
        }

        var visible = (await threads.ListAsync(patientId, cancellationToken))
            .Where(t => pools.Find(t.Pool) is not null && ThreadAccess.MaySee(visit.Value, t) && access.MaySee(visit.Value, t.Pool))
            .ToDictionary(t => t.ThreadId, StringComparer.Ordinal);
        var resources = page.Items
            .Where(m => visible.ContainsKey(m.ThreadId))
            .Select(m => CommunicationResources.From(visible[m.ThreadId], pools.Find(visible[m.ThreadId].Pool)!, m, apiBase))
            .ToList();
        await access.RecordAsync(visit.Value, true, cancellationToken);
        return new Page<Communication>(resources, page.ContinuationToken);
    }
}
