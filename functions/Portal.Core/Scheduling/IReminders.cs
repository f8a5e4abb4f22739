namespace Portal.Core.Scheduling;

/// <summary>
/// Port: reminders in hour-bucket index partitions (<c>remind|yyyyMMddHH</c>, UTC) and a cursor, so a sweep reads only
/// the buckets that are due; plus, per phone number, the appointment whose reminder it was sent last (for C/X replies).
/// </summary>
public interface IReminders
{
    /// <summary>Writes the reminders into their buckets (idempotent: the same reminder is the same row).</summary>
    Task ScheduleAsync(IReadOnlyList<Reminder> reminders, CancellationToken cancellationToken);

    /// <summary>Reminders due at <paramref name="now"/>, at most <paramref name="max"/>: the cursor, then each bucket from it to now.</summary>
    Task<IReadOnlyList<Reminder>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Removes a handled reminder (gone already is fine).</summary>
    Task DoneAsync(Reminder reminder, CancellationToken cancellationToken);

    /// <summary>Remembers that <paramref name="phone"/> was sent the reminder.</summary>
    Task RememberTextAsync(string phone, Reminder reminder, CancellationToken cancellationToken);

    /// <summary>The reminder <paramref name="phone"/> was sent last, or null.</summary>
    Task<Reminder?> LastTextAsync(string phone, CancellationToken cancellationToken);
}
