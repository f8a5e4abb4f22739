using Portal.Azure.Messaging;
using Portal.Core.Common;
using Portal.Core.Messaging;
using Portal.IntegrationTests.Storage;

namespace Portal.IntegrationTests.Messaging;

/// <summary>
/// The inbox index when a thread write fails after writing it and nobody retries: the orphan shows until its check
/// comes due, then the rows are recomputed from the chart — unless a write of the thread is under way. Each test has
/// its own pool, so the reconciliation sees nothing of other tests.
/// </summary>
public sealed class InboxReconciliationTests
{
    private readonly TestClock clock = new(DateTimeOffset.UtcNow);
    private readonly string pool = $"pool-{Guid.NewGuid():N}";

    private static Versioned<Attachment> TakenUpload(string patientId) =>
        new(new Attachment(patientId, "gone", "a.pdf", "application/pdf", 1, "ana", "Ana", DateTimeOffset.UtcNow), "W/\"datetime'2020-01-01T00%3A00%3A00Z'\"");

    private MessageThread Thread(string patientId) =>
        new(patientId, Guid.NewGuid().ToString("N"), pool, "Question", ThreadStatus.Open, clock.Now, clock.Now, clock.Now, 1, null, new Dictionary<string, int>());

    private static ThreadMessage Message(MessageThread thread, bool withAttachment) =>
        new(thread.ThreadId, MessagingRules.MessageId(thread.CreatedAt, 0), MessageAuthorKind.Patient, "ana", "Ana", null, "Hello", thread.CreatedAt,
            withAttachment ? [new MessageAttachment("gone", "a.pdf", "application/pdf", 1)] : null);

    [Fact]
    public async Task A_new_thread_whose_chart_never_landed_leaves_the_inbox_once_its_check_is_due()
    {
        var threads = new TableMessageThreads(await TestTables.CreateAsync(), clock);
        var patientId = $"pat-{Guid.NewGuid():N}";
        var thread = Thread(patientId);

        // The chart transaction fails (an upload was taken meanwhile) after the inbox row was written; no retry.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => threads.StartAsync(thread, [Message(thread, withAttachment: true)], [TakenUpload(patientId)], default));
        Assert.Single((await threads.InboxAsync(pool, 10, null, default)).Items);
        Assert.Empty(await threads.UnconfirmedAsync(pool, clock.Now, 10, default));

        clock.Now += TimeSpan.FromMinutes(6);
        var due = Assert.Single(await threads.UnconfirmedAsync(pool, clock.Now, 10, default));
        Assert.True(await threads.ReconcileAsync(due, clock.Now, default));

        Assert.Empty((await threads.InboxAsync(pool, 10, null, default)).Items);
        Assert.Empty(await threads.UnconfirmedAsync(pool, clock.Now, 10, default));
    }

    [Fact]
    public async Task A_failed_answer_leaves_the_thread_answered_in_the_inbox_until_the_chart_puts_it_back_to_waiting()
    {
        var threads = new TableMessageThreads(await TestTables.CreateAsync(), clock);
        var thread = Thread($"pat-{Guid.NewGuid():N}");
        await threads.StartAsync(thread, [Message(thread, withAttachment: false)], [], default);
        Assert.Empty(await threads.UnconfirmedAsync(pool, clock.Now.AddHours(1), 10, default)); // committed writes confirm at once

        // An answer whose chart write loses (a stale ETag) and is never retried: the index says answered.
        var answered = thread with { WaitingSince = null, MessageCount = 2 };
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => threads.SaveAsync(answered, "W/\"datetime'2020-01-01T00%3A00%3A00Z'\"", null, [], null, default));
        Assert.Null(Assert.Single((await threads.InboxAsync(pool, 10, null, default)).Items).WaitingSince);

        // Another failed write three minutes later is still under way when the first check comes due: both wait.
        clock.Now += TimeSpan.FromMinutes(3);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => threads.SaveAsync(answered, "W/\"datetime'2020-01-01T00%3A00%3A00Z'\"", null, [], null, default));
        clock.Now += TimeSpan.FromMinutes(3);
        Assert.False(await threads.ReconcileAsync(Assert.Single(await threads.UnconfirmedAsync(pool, clock.Now, 10, default)), clock.Now, default));
        Assert.Null(Assert.Single((await threads.InboxAsync(pool, 10, null, default)).Items).WaitingSince);

        clock.Now += TimeSpan.FromMinutes(3);
        var due = await threads.UnconfirmedAsync(pool, clock.Now, 10, default);
        Assert.Equal(2, due.Count);
        Assert.True(await threads.ReconcileAsync(due[0], clock.Now, default));

        var entry = Assert.Single((await threads.InboxAsync(pool, 10, null, default)).Items);
        Assert.Equal(thread.WaitingSince, entry.WaitingSince);
        Assert.Empty(await threads.UnconfirmedAsync(pool, clock.Now, 10, default));
    }
}
