using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Scheduling;

namespace Portal.Azure.Scheduling;

/// <summary>The day-view index: rows <c>appt|{yyyyMMddHHmm}|{appointmentId}</c> (UTC start) in the provider's <c>claim|{provider}</c> partition.</summary>
internal sealed class TableProviderDays(PortalTables tables) : IProviderDays
{
    private const string Prefix = "appt|";

    public async Task RecordAsync(Appointment appointment, Appointment? before, CancellationToken cancellationToken)
    {
        await tables.Schedule.UpsertEntityAsync(
            new TableEntity(ClaimRows.Partition(appointment.ProviderId), Row(appointment.Start, appointment.AppointmentId))
            {
                ["Data"] = JsonSerializer.Serialize(AppointmentSummary.Of(appointment), PortalJson.Options),
            },
            TableUpdateMode.Replace, cancellationToken);
        if (before is not null && (before.ProviderId != appointment.ProviderId || before.Start != appointment.Start))
        {
            try
            {
                await tables.Schedule.DeleteEntityAsync(ClaimRows.Partition(before.ProviderId), Row(before.Start, before.AppointmentId), ETag.All, cancellationToken);
            }
            catch (RequestFailedException e) when (TableErrors.IsNotFound(e))
            {
                // Moved before.
            }
        }
    }

    public async Task<IReadOnlyList<AppointmentSummary>> ListAsync(string providerId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ClaimRows.Partition(providerId)} and RowKey ge {Prefix + ClaimRows.Stamp(from)} and RowKey lt {Prefix + ClaimRows.Stamp(to)}");
        var items = new List<AppointmentSummary>();
        await foreach (var row in tables.Schedule.QueryAsync<TableEntity>(filter, select: ["Data"], cancellationToken: cancellationToken))
        {
            items.Add(JsonSerializer.Deserialize<AppointmentSummary>(row.GetString("Data"), PortalJson.Options)!);
        }

        return items;
    }

    private static string Row(DateTimeOffset start, string appointmentId) => $"{Prefix}{ClaimRows.Stamp(start)}|{TableKeys.Encode(appointmentId)}";
}
