using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Moq;
using Portal.Azure.Notifications;
using Portal.Azure.Tables;
using Portal.Core.Notifications;
using Portal.IntegrationTests.Storage;

namespace Portal.IntegrationTests.Notifications;

/// <summary>The sweep against the real pending index: one query, then work only for the notices that are due.</summary>
public sealed class NoticeSweepTests
{
    private sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        public int Count;

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref Count);
    }

    [Fact]
    public async Task A_sweep_costs_one_query_plus_one_lease_per_due_notice_whatever_waits()
    {
        // A sweep ten years ahead: the portal's own every-minute sweep never reaches these notices, while
        // whatever other tests left pending is due here too (so the count is checked as 1 + what was due).
        var later = DateTimeOffset.UtcNow.AddYears(10);
        await TestTables.CreateAsync(); // the tables exist even when no portal started before this test
        var counting = new CountingPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(counting, HttpPipelinePosition.PerCall);
        var notices = new TableNotices(new PortalTables(new TableServiceClient((await TestAzurite.GetAsync()).ConnectionString, options)));
        var patient = $"sweep-{Guid.NewGuid():N}";
        var due = new List<NoticeReference>();
        for (var i = 0; i < 3; i++)
        {
            var notice = Notice.Create(patient, NoticeKind.NewMessage, NoticeDetails.None, "/messages", later.AddHours(-1));
            await notices.CreateAsync(notice, default);
            due.Add(notice.Reference);
        }

        for (var i = 0; i < 5; i++)
        {
            await notices.CreateAsync(Notice.Create(patient, NoticeKind.NewMessage, NoticeDetails.None, "/messages", later.AddYears(1)), default);
        }

        var queued = new List<NoticeReference>();
        var queue = new Mock<INoticeQueue>();
        queue.Setup(q => q.EnqueueAsync(It.IsAny<NoticeReference>(), It.IsAny<CancellationToken>()))
            .Callback((NoticeReference r, CancellationToken _) => queued.Add(r)).Returns(Task.CompletedTask);
        var sweep = new SweepNotices(notices, queue.Object, new TestClock(later));
        counting.Count = 0;

        var first = await sweep.ExecuteAsync(default);
        var requests = counting.Count;
        await sweep.ExecuteAsync(default);

        Assert.Superset(due.ToHashSet(), queued.ToHashSet());
        Assert.DoesNotContain(queued, r => r.PatientId == patient && !due.Contains(r)); // the five that wait are untouched
        Assert.Equal(1 + first, requests); // the query, and one lease per due notice (the queue is not storage)
        // Leased: the next minute's sweep leaves them to the queue (it may find notices other tests wrote meanwhile).
        Assert.Equal(due.Count, queued.Count(r => r.PatientId == patient));
    }
}
