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

    public Task<IReadOnlyList<string>> SaveAllAsync(IReadOnlyList<Versioned<Notice>> changed, IReadOnlyList<Notice> added, CancellationToken cancellationToken)
    {
        // One transaction: every ETag checked before anything is written.
        if (changed.Any(c => $"v{chart[c.Value.Reference].Version}" != c.ETag) || added.Any(a => chart.ContainsKey(a.Reference)))
        {
            throw new ConcurrencyConflictException("stale");
        }

        foreach (var notice in added)
        {
            Pending[notice.Reference] = notice.CreatedAt + TimeSpan.FromMinutes(2);
            chart[notice.Reference] = (notice, 1);
        }

        var eTags = new List<string>();
        foreach (var notice in changed.Select(c => c.Value))
        {
            var version = chart[notice.Reference].Version + 1;
            chart[notice.Reference] = (notice, version);
            eTags.Add($"v{version}");
        }

        return Task.FromResult<IReadOnlyList<string>>(eTags);
    }

    public Task<IReadOnlyList<Versioned<Notice>>> RecentAsync(string patientId, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Versioned<Notice>>>(
            [.. chart.Values.Where(r => r.Notice.PatientId == patientId && r.Notice.CreatedAt >= since).OrderBy(r => r.Notice.NoticeId, StringComparer.Ordinal).Select(r => new Versioned<Notice>(r.Notice, $"v{r.Version}"))]);

    public IEnumerable<Notice> All => chart.Values.Select(r => r.Notice);

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
