using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Portal.Azure.Notifications;
using Portal.Azure.Tables;
using Portal.IntegrationTests.Storage;

namespace Portal.IntegrationTests.Notifications;

/// <summary>Handled-event records on Azurite: one partition per day, forgotten a day at a time at a bounded cost.</summary>
public sealed class ProcessedEventsTableTests
{
    private sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        public int Count;

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref Count);
    }

    [Fact]
    public async Task Forgetting_a_day_reads_that_day_only_and_deletes_in_batches_of_a_hundred()
    {
        await TestTables.CreateAsync();
        var counting = new CountingPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(counting, HttpPipelinePosition.PerCall);
        var events = new TableProcessedEvents(new PortalTables(new TableServiceClient((await TestAzurite.GetAsync()).ConnectionString, options)));
        // A day long past that no other test files events under.
        var day = new DateOnly(2001, 1, 1).AddDays(Random.Shared.Next(0, 3000));
        var noon = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var ids = Enumerable.Range(0, 150).Select(_ => Guid.NewGuid().ToString()).ToList();
        foreach (var id in ids)
        {
            Assert.True(await events.TryBeginAsync(id, noon, default));
        }

        var nextDay = Guid.NewGuid().ToString();
        await events.TryBeginAsync(nextDay, noon.AddDays(1), default);
        Assert.False(await events.TryBeginAsync(ids[0], noon.AddHours(11).AddMinutes(59), default)); // the same event, the same day

        counting.Count = 0;
        var forgotten = await events.ForgetDayAsync(day, default);

        Assert.Equal((150, 4), (forgotten, counting.Count)); // one query, two delete transactions, the cursor
        Assert.Equal(day, await events.ForgottenThroughAsync(default));
        Assert.True(await events.TryBeginAsync(ids[0], noon, default)); // forgotten
        Assert.False(await events.TryBeginAsync(nextDay, noon.AddDays(1), default)); // the next day is kept
        await events.ForgetDayAsync(day, default);
        await events.ForgetDayAsync(day.AddDays(1), default);
    }
}
