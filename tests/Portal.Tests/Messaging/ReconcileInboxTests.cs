using Microsoft.Extensions.Options;
using Moq;
using Portal.Core.Messaging;

namespace Portal.Tests.Messaging;

public class ReconcileInboxTests
{
    [Fact]
    public async Task Every_pool_is_asked_for_its_due_checks_and_a_write_under_way_is_not_counted_as_healed()
    {
        var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        var pools = new MessagePools(Options.Create(new MessagingOptions()));
        var threads = new Mock<IMessageThreads>();
        var healed = new InboxCheck("billing", "pat-1", "t-1", now.AddMinutes(-1));
        var busy = new InboxCheck("billing", "pat-2", "t-2", now.AddMinutes(-1));
        threads.Setup(t => t.UnconfirmedAsync(It.IsAny<string>(), now, ReconcileInbox.MaxPerPool, It.IsAny<CancellationToken>()))
            .ReturnsAsync((string pool, DateTimeOffset _, int _, CancellationToken _) => pool == "billing" ? [healed, busy] : []);
        threads.Setup(t => t.ReconcileAsync(healed, now, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        threads.Setup(t => t.ReconcileAsync(busy, now, It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var count = await new ReconcileInbox(threads.Object, pools, new FixedClock(now)).ExecuteAsync(default);

        Assert.Equal(1, count);
        foreach (var pool in pools.All)
        {
            threads.Verify(t => t.UnconfirmedAsync(pool.Id, now, ReconcileInbox.MaxPerPool, It.IsAny<CancellationToken>()), Times.Once);
        }
    }
}
