using Portal.Core.Notifications;
using Portal.Core.Notifications.Inbound;

namespace Portal.Tests.Notifications.Inbound;

/// <summary>Opt-outs in memory, with the adapter's rule: an older keyword never overrides a newer one.</summary>
internal sealed class InMemoryOptOuts : ISmsOptOuts
{
    public Dictionary<string, (bool OptedOut, DateTimeOffset At)> Numbers { get; } = [];

    public Task<bool> IsOptedOutAsync(string phone, CancellationToken cancellationToken) =>
        Task.FromResult(Numbers.TryGetValue(phone, out var entry) && entry.OptedOut);

    public Task SetAsync(string phone, bool optedOut, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!Numbers.TryGetValue(phone, out var entry) || entry.At < at)
        {
            Numbers[phone] = (optedOut, at);
        }

        return Task.CompletedTask;
    }
}

/// <summary>An SMS provider that, like the real one, sends nothing new for a delivery key it has seen.</summary>
internal sealed class RecordingSms : ISmsSender
{
    private readonly HashSet<string> keys = [];

    public List<SmsMessage> Sent { get; } = [];

    public Task<SendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        if (keys.Add(message.DeliveryKey))
        {
            Sent.Add(message);
        }

        return Task.FromResult(SendResult.Accepted($"msg-{message.DeliveryKey}"));
    }
}

internal sealed class InMemoryReplyLimits : ISmsReplyLimits
{
    private readonly Dictionary<string, DateTimeOffset> last = [];

    public Task<bool> TryTakeAsync(string phone, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        if (last.TryGetValue(phone, out var at) && at > now - window)
        {
            return Task.FromResult(false);
        }

        last[phone] = now;
        return Task.FromResult(true);
    }
}

internal sealed class InMemoryProcessedEvents : IProcessedEvents
{
    public HashSet<string> Ids { get; } = [];

    public Dictionary<string, DateOnly> Days { get; } = [];

    public DateOnly? Through { get; set; }

    public Task<bool> TryBeginAsync(string eventId, DateTimeOffset eventTime, CancellationToken cancellationToken)
    {
        Days[eventId] = DateOnly.FromDateTime(eventTime.UtcDateTime);
        return Task.FromResult(Ids.Add(eventId));
    }

    public Task ForgetAsync(string eventId, DateTimeOffset eventTime, CancellationToken cancellationToken)
    {
        Ids.Remove(eventId);
        return Task.CompletedTask;
    }

    public Task<DateOnly?> ForgottenThroughAsync(CancellationToken cancellationToken) => Task.FromResult(Through);

    public Task<int> ForgetDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var gone = Days.Where(d => d.Value == day).Select(d => d.Key).ToList();
        gone.ForEach(id => Ids.Remove(id));
        Through = day;
        return Task.FromResult(gone.Count);
    }
}

internal sealed class InMemorySmsLanguages : ISmsLanguages
{
    public Dictionary<string, string> Numbers { get; } = [];

    public Task<string?> FindAsync(string phone, CancellationToken cancellationToken) => Task.FromResult(Numbers.GetValueOrDefault(phone));

    public Task RememberAsync(string phone, string language, CancellationToken cancellationToken)
    {
        Numbers[phone] = language;
        return Task.CompletedTask;
    }
}
