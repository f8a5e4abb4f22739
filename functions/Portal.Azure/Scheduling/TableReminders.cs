using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Scheduling;

namespace Portal.Azure.Scheduling;

/// <summary>
/// Reminders in <c>Schedule</c>: hour buckets <c>remind|yyyyMMddHH</c> (UTC of the due time; RowKey
/// <c>{due ticks}|{patient}|{appointment}|{hours}</c>), a cursor row (<c>remind-cursor</c>) naming the oldest bucket that
/// may still hold rows, and per phone number the reminder it was sent last (<c>sms-reminder</c>).
/// </summary>
internal sealed class TableReminders(PortalTables tables) : IReminders
{
    private const string CursorPartition = "remind-cursor";
    private const string SmsPartition = "sms-reminder";

    /// <summary>Where a sweep with no cursor yet starts looking.</summary>
    private static readonly TimeSpan FirstLookBack = TimeSpan.FromHours(2);

    public async Task ScheduleAsync(IReadOnlyList<Reminder> reminders, CancellationToken cancellationToken)
    {
        foreach (var bucket in reminders.GroupBy(r => Bucket(r.Due)))
        {
            await tables.Schedule.SubmitTransactionAsync(
                bucket.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(r))), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<Reminder>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var cursor = await tables.Schedule.GetEntityIfExistsAsync<TableEntity>(CursorPartition, "cursor", cancellationToken: cancellationToken);
        var nowHour = Hour(now);
        // The previous hour's bucket is always read too: a cursor that another instance (a clock a little ahead) moved
        // past it must not hide reminders that fell due there. One more query, never a missed reminder.
        var stored = cursor.HasValue ? ParseHour(cursor.Value!.GetString("Hour")) : nowHour - FirstLookBack;
        var from = stored < nowHour.AddHours(-1) ? stored : nowHour.AddHours(-1);
        var due = new List<Reminder>();
        DateTimeOffset? oldestWithRows = null;
        for (var hour = from; hour <= nowHour && due.Count < max; hour = hour.AddHours(1))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(hour)} and RowKey lt {Ticks(now.UtcTicks + 1)}");
            await foreach (var row in tables.Schedule.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                oldestWithRows ??= hour;
                due.Add(Read(row));
                if (due.Count == max)
                {
                    break;
                }
            }
        }

        // The cursor moves past a bucket only once a run has seen it empty, so a run that stops halfway loses nothing.
        var next = oldestWithRows ?? nowHour;
        if (!cursor.HasValue || next != stored)
        {
            await tables.Schedule.UpsertEntityAsync(new TableEntity(CursorPartition, "cursor") { ["Hour"] = Bucket(next) }, TableUpdateMode.Replace, cancellationToken);
        }

        return due;
    }

    public async Task DoneAsync(Reminder reminder, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Schedule.DeleteEntityAsync(Partition(reminder.Due), Row(reminder), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (TableErrors.IsNotFound(e))
        {
            // Another run handled it.
        }
    }

    public Task RememberTextAsync(string phone, Reminder reminder, CancellationToken cancellationToken) =>
        tables.Schedule.UpsertEntityAsync(ToEntity(reminder, SmsPartition, TableKeys.Encode(phone)), TableUpdateMode.Replace, cancellationToken);

    public async Task<Reminder?> LastTextAsync(string phone, CancellationToken cancellationToken)
    {
        var row = await tables.Schedule.GetEntityIfExistsAsync<TableEntity>(SmsPartition, TableKeys.Encode(phone), cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    private static TableEntity ToEntity(Reminder reminder, string? partition = null, string? row = null) =>
        new(partition ?? Partition(reminder.Due), row ?? Row(reminder))
        {
            ["PatientId"] = reminder.PatientId,
            ["AppointmentId"] = reminder.AppointmentId,
            ["Start"] = reminder.Start,
            ["HoursBefore"] = reminder.HoursBefore,
        };

    private static Reminder Read(TableEntity row) =>
        new(row.GetString("PatientId"), row.GetString("AppointmentId"), row.GetDateTimeOffset("Start")!.Value, row.GetInt32("HoursBefore")!.Value);

    private static string Partition(DateTimeOffset due) => "remind|" + Bucket(due);

    private static string Row(Reminder reminder) =>
        $"{Ticks(reminder.Due.UtcTicks)}|{TableKeys.Encode(reminder.PatientId)}|{TableKeys.Encode(reminder.AppointmentId)}|{reminder.HoursBefore}";

    private static string Bucket(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    private static DateTimeOffset Hour(DateTimeOffset instant) => ParseHour(Bucket(instant));

    private static DateTimeOffset ParseHour(string bucket) =>
        DateTimeOffset.ParseExact(bucket, "yyyyMMddHH", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string Ticks(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);
}
