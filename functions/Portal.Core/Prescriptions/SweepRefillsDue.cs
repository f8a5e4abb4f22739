using System.Globalization;
using Microsoft.Extensions.Logging;
using Portal.Core.Notifications;
using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>
/// Use case: the daily refill-due sweep. It reads the refill-due index for the run-out dates from a little before today
/// (a missed run still reminds) to <see cref="PrescriptionOptions.RefillDueDays"/> ahead, one partition per day, and
/// for each row checks the chart (still active, still this fill, not confidential) and the patient's choice (refill-due
/// reminders are off until the patient picks a channel). The notice's id follows from the medication and its fill, so
/// overlapping or repeated runs remind once per fill. A row is removed once handled; a row of a patient who has not
/// opted in stays until its run-out date passes, so opting in later still reminds. Cost: one query per day of the
/// window, plus a few point reads per due row: it grows with what is due, never with the number of charts.
/// </summary>
public sealed partial class SweepRefillsDue(
    IRefillReminders reminders, IHealthRecord record, INotificationPreferences preferences, INoticeQueue queue, RefillCalendar calendar, TimeProvider clock,
    ILogger<SweepRefillsDue> logger)
{
    /// <summary>Days before today whose rows are still read: a sweep that did not run for that long still reminds.</summary>
    public const int LookBackDays = 2;

    /// <summary>The most rows one run handles; the rest wait for the next run.</summary>
    public const int MaxPerRun = 1000;

    /// <summary>Runs once; returns what it did.</summary>
    public async Task<RefillDueSweep> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = calendar.Today(now);
        var (sent, stale, waiting) = (0, 0, 0);
        foreach (var due in await reminders.DueAsync(today.AddDays(-LookBackDays), today.AddDays(calendar.Options.RefillDueDays), MaxPerRun, cancellationToken))
        {
            switch (await RemindAsync(due, now, cancellationToken))
            {
                case Outcome.Sent:
                    sent++;
                    break;
                case Outcome.NotOptedIn when due.RunOut >= today:
                    waiting++;
                    continue; // kept: the patient may still opt in before the supply runs out
                default:
                    stale++;
                    break;
            }

            await reminders.DoneAsync(due, cancellationToken);
        }

        LogSwept(logger, sent, stale, waiting);
        return new RefillDueSweep(sent, stale, waiting);
    }

    /// <summary>The reminder of one fill: its id follows from the medication and the fill, so it is written once.</summary>
    public static Notice Notice(RefillDue due, DateTimeOffset now)
    {
        var filled = new DateTimeOffset(due.FillDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - filled.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        return new Notice(due.PatientId, $"{inverted}-refill-due-{due.MedicationId}", NoticeKind.RefillDue, NoticeDetails.None, $"/medications/{due.MedicationId}", now);
    }

    private async Task<Outcome> RemindAsync(RefillDue due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var item = (await record.FindAsync(due.PatientId, RecordSection.Medications, due.MedicationId, cancellationToken))?.Value;
        if (item is null || item.Confidential || RefillDue.Of(item) != due)
        {
            // Stopped, refilled since, or confidential (the contact details may be a parent's): this row reminds of nothing.
            return Outcome.Stale;
        }

        var chosen = (await preferences.FindAsync(due.PatientId, cancellationToken))?.Value.ChannelFor(NoticeKind.RefillDue) ?? NoticeChannel.None;
        if (chosen == NoticeChannel.None)
        {
            return Outcome.NotOptedIn;
        }

        var notice = Notice(due, now);
        if (!await reminders.AddNoticeAsync(notice, cancellationToken))
        {
            return Outcome.Stale; // another run wrote it
        }

        await queue.TryEnqueueAsync(notice, logger, cancellationToken);
        return Outcome.Sent;
    }

    private enum Outcome
    {
        Sent,
        Stale,
        NotOptedIn,
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refill-due sweep: {Sent} reminders sent, {Stale} rows stale or done, {Waiting} waiting for an opt-in")]
    private static partial void LogSwept(ILogger logger, int sent, int stale, int waiting);
}

/// <summary>What one refill-due sweep did.</summary>
/// <param name="Sent">Reminders written.</param>
/// <param name="Stale">Rows of fills that ended, changed, are confidential or were reminded already (removed).</param>
/// <param name="Waiting">Rows of patients who have not opted in (kept until the run-out date passes).</param>
public sealed record RefillDueSweep(int Sent, int Stale, int Waiting);
