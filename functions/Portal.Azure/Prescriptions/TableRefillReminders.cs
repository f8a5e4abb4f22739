using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Notifications;
using Portal.Azure.Tables;
using Portal.Core.Notifications;
using Portal.Core.Prescriptions;

namespace Portal.Azure.Prescriptions;

/// <summary>
/// The refill-due index in <c>Lookups</c>: one partition per run-out date, <c>refill-due|yyyyMMdd</c>, RowKey
/// <c>{patientId}|{medicationId}|{fill yyyyMMdd}</c>; a sweep queries only the days of its window. Reminder notices are
/// added with their pending row first, and an id that follows from the fill, so the second add of one fails.
/// </summary>
internal sealed class TableRefillReminders(PortalTables tables) : IRefillReminders
{
    public async Task<IReadOnlyList<RefillDue>> DueAsync(DateOnly from, DateOnly to, int max, CancellationToken cancellationToken)
    {
        var due = new List<RefillDue>();
        for (var day = from; day <= to && due.Count < max; day = day.AddDays(1))
        {
            await foreach (var row in tables.Lookups.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(day)}"), cancellationToken: cancellationToken))
            {
                due.Add(Read(row));
                if (due.Count == max)
                {
                    break;
                }
            }
        }

        return due;
    }

    public async Task DoneAsync(RefillDue due, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Lookups.DeleteEntityAsync(Partition(due.RunOut), Row(due), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (TableErrors.IsNotFound(e))
        {
            // Another run handled it.
        }
    }

    public Task<bool> AddNoticeAsync(Notice notice, CancellationToken cancellationToken) => NoticeRows.AddOnceAsync(tables, notice, cancellationToken);

    /// <summary>The index row of a fill.</summary>
    public static TableEntity ToEntity(RefillDue due) => new(Partition(due.RunOut), Row(due))
    {
        ["PatientId"] = due.PatientId,
        ["MedicationId"] = due.MedicationId,
        ["FillDate"] = Day(due.FillDate),
        ["RunOut"] = Day(due.RunOut),
    };

    private static RefillDue Read(TableEntity row) =>
        new(row.GetString("PatientId"), row.GetString("MedicationId"), Parse(row.GetString("FillDate")), Parse(row.GetString("RunOut")));

    private static string Partition(DateOnly runOut) => "refill-due|" + Day(runOut);

    private static string Row(RefillDue due) => $"{TableKeys.Encode(due.PatientId)}|{due.MedicationId}|{Day(due.FillDate)}";

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static DateOnly Parse(string day) => DateOnly.ParseExact(day, "yyyyMMdd", CultureInfo.InvariantCulture);
}
