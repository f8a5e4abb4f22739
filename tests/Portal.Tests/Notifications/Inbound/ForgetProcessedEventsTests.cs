using Portal.Core.Notifications.Inbound;

namespace Portal.Tests.Notifications.Inbound;

public class ForgetProcessedEventsTests
{
    private static readonly DateTimeOffset December10 = new(2026, 12, 10, 3, 40, 0, TimeSpan.Zero);
    private readonly InMemoryProcessedEvents processed = new();

    private async Task RecordAsync(string id, DateTimeOffset eventTime) => await processed.TryBeginAsync(id, eventTime, default);

    [Fact]
    public async Task Records_are_kept_three_full_days_after_their_event_and_then_forgotten_by_the_day()
    {
        await RecordAsync("nov-30", new DateTimeOffset(2026, 11, 30, 23, 59, 0, TimeSpan.Zero));
        await RecordAsync("dec-6", new DateTimeOffset(2026, 12, 6, 0, 1, 0, TimeSpan.Zero));
        await RecordAsync("dec-7", new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        processed.Through = new DateOnly(2026, 12, 1);

        var forgotten = await new ForgetProcessedEvents(processed, new FixedClock(December10)).ExecuteAsync(default);

        Assert.Equal(1, forgotten);
        Assert.Equal(["dec-7", "nov-30"], processed.Ids.Order()); // nov-30 lies before the cursor: a day done earlier
        Assert.Equal(new DateOnly(2026, 12, 6), processed.Through);
    }

    [Fact]
    public async Task A_missed_night_is_caught_up_and_the_event_time_not_the_arrival_decides_the_day()
    {
        var useCase = new ForgetProcessedEvents(processed, new FixedClock(December10));
        processed.Through = new DateOnly(2026, 12, 3);
        await RecordAsync("dec-4", new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        await RecordAsync("dec-5", new DateTimeOffset(2026, 12, 5, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(2, await useCase.ExecuteAsync(default));
        Assert.Equal(0, await useCase.ExecuteAsync(default));
        Assert.Empty(processed.Ids);
    }

    [Fact]
    public async Task The_first_run_looks_back_a_month_at_most()
    {
        await new ForgetProcessedEvents(processed, new FixedClock(December10)).ExecuteAsync(default);

        Assert.Equal(new DateOnly(2026, 12, 6), processed.Through);
    }

    [Fact]
    public void A_redelivery_carries_the_event_time_the_record_is_filed_under()
    {
        var body = """
            [{"id":"e-1","eventType":"Microsoft.Communication.SMSReceived","eventTime":"2026-12-01T23:59:59Z","data":{"messageId":"m","from":"+13125550101","message":"hi","receivedTimestamp":"2026-12-01T23:59:58Z"}}]
            """;

        var read = CommunicationEvents.Read(body);

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 23, 59, 59, TimeSpan.Zero), Assert.Single(read.Value!).EventTime);
    }
}
