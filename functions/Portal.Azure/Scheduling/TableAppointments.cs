using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Notifications;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Core.Scheduling;

namespace Portal.Azure.Scheduling;

/// <summary>Appointments in the patient's <c>Charts</c> partition, RowKey <c>appt|{appointmentId}</c>, each written with its notice.</summary>
internal sealed class TableAppointments(PortalTables tables) : IAppointments
{
    private const string Prefix = "appt|";

    public async Task<Versioned<Appointment>?> FindAsync(string patientId, string appointmentId, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), Prefix + TableKeys.Encode(appointmentId), ["Data"], cancellationToken);
        return response.HasValue ? Read(response.Value!) : null;
    }

    public async Task<IReadOnlyList<Versioned<Appointment>>> ListAsync(string patientId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(patientId)} and RowKey ge {Prefix} and RowKey lt {"appt}"}");
        var appointments = new List<Versioned<Appointment>>();
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(filter, select: ["Data"], cancellationToken: cancellationToken))
        {
            appointments.Add(Read(entity));
        }

        return appointments;
    }

    public Task<string> AddAsync(Appointment appointment, Notice? notice, CancellationToken cancellationToken) =>
        WriteAsync(new TableTransactionAction(TableTransactionActionType.Add, ToEntity(appointment)), notice, cancellationToken);

    public Task<string> ReplaceAsync(Appointment appointment, string eTag, Notice? notice, CancellationToken cancellationToken) =>
        WriteAsync(new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(appointment), new ETag(eTag)), notice, cancellationToken);

    public Task<bool> AddNoticeAsync(Notice notice, CancellationToken cancellationToken) => NoticeRows.AddOnceAsync(tables, notice, cancellationToken);

    private async Task<string> WriteAsync(TableTransactionAction appointment, Notice? notice, CancellationToken cancellationToken)
    {
        // The change and its notice land together, or neither does (the pending index goes first).
        var batch = await NoticeRows.CommitAsync(tables, [appointment], notice, "The appointment", cancellationToken);
        return batch.Value[0].Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
    }

    public static TableEntity ToEntity(Appointment appointment) => new(TableKeys.Encode(appointment.PatientId), Prefix + TableKeys.Encode(appointment.AppointmentId))
    {
        ["Data"] = JsonSerializer.Serialize(appointment, PortalJson.Options),
    };

    private static Versioned<Appointment> Read(TableEntity entity) =>
        new(JsonSerializer.Deserialize<Appointment>(entity.GetString("Data"), PortalJson.Options)!, entity.ETag.ToString());
}
