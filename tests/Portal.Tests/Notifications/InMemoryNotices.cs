using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Tests.Notifications;

/// <summary>Notices and their pending index in memory, with the adapter's ETag semantics.</summary>
internal sealed class InMemoryNotices : INotices
{
    private readonly Dictionary<NoticeReference, (Notice Notice, int Version)> chart = [];

    public Dictionary<NoticeReference, DateTimeOffset> Pending { get; } = [];

    public Task CreateAsync(Notice notice, CancellationToken cancellationToken)
    {
        Pending[notice.Reference] = notice.NotBefore ?? notice.CreatedAt + TimeSpan.FromMinutes(2);
        chart[notice.Reference] = (notice, 1);
        return Task.CompletedTask;
    }

    public Task<Versioned<Notice>?> FindAsync(NoticeReference reference, CancellationToken cancellationToken) =>
        Task.FromResult(chart.TryGetValue(reference, out var row) ? new Versioned<Notice>(row.Notice, $"v{row.Version}") : null);

    public Task<string> ReplaceAsync(Notice notice, string eTag, CancellationToken cancellationToken)
    {
        var row = chart[notice.Reference];
        if ($"v{row.Version}" != eTag)
        {
            throw new ConcurrencyConflictException("stale");
        }

        chart[notice.Reference] = (notice, row.Version + 1);
        return Task.FromResult($"v{row.Version + 1}");
    }

    public Task<IReadOnlyList<NoticeReference>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<NoticeReference>>([.. Pending.Where(p => p.Value <= now).Select(p => p.Key).Take(max)]);

    public Task DueAgainAsync(NoticeReference reference, DateTimeOffset due, CancellationToken cancellationToken)
    {
        Pending[reference] = due;
        return Task.CompletedTask;
    }

    public Task SettleAsync(NoticeReference reference, CancellationToken cancellationToken)
    {
        Pending.Remove(reference);
        return Task.CompletedTask;
    }

    public Task<Page<Notice>> ListAsync(string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<Notice>([.. chart.Values.Select(r => r.Notice).Where(n => n.PatientId == patientId).OrderBy(n => n.NoticeId)], null));

    public Notice this[NoticeReference reference] => chart[reference].Notice;
}
