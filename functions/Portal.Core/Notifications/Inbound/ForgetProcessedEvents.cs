namespace Portal.Core.Notifications.Inbound;

/// <summary>
/// Use case: once a day, forget the handled-event records no redelivery can need any more (Event Grid retries for at
/// most 24 hours; records are kept for <see cref="KeepDays"/> days). Whole days go, from the day after the last one
/// forgotten, so a missed run is caught up and nothing but the due days is read.
/// </summary>
public sealed class ForgetProcessedEvents(IProcessedEvents processed, TimeProvider clock)
{
    /// <summary>Full days a record is kept after the day of its event.</summary>
    public const int KeepDays = 3;

    /// <summary>The most days one run forgets (the first run starts this far back).</summary>
    public const int MaxDaysPerRun = 31;

    /// <summary>Forgets the due days; returns how many records went.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var newest = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-KeepDays - 1);
        var from = (await processed.ForgottenThroughAsync(cancellationToken))?.AddDays(1) ?? newest.AddDays(1 - MaxDaysPerRun);
        var forgotten = 0;
        for (var day = from; day <= newest && day < from.AddDays(MaxDaysPerRun); day = day.AddDays(1))
        {
            forgotten += await processed.ForgetDayAsync(day, cancellationToken);
        }

        return forgotten;
    }
}
