using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Scheduling;
using Portal.Core.Scheduling.CheckIn;

namespace Portal.Azure.Scheduling;

/// <summary>Online check-ins in the patient's <c>Charts</c> partition, RowKey <c>checkin|{appointmentId}</c>, written with the appointment's mark.</summary>
internal sealed class TableCheckIns(PortalTables tables) : ICheckIns
{
    private const string Prefix = "checkin|";

    public async Task<Versioned<PreVisitCheckIn>?> FindAsync(string patientId, string appointmentId, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), Prefix + TableKeys.Encode(appointmentId), ["Data"], cancellationToken);
        return response.HasValue
            ? new(JsonSerializer.Deserialize<PreVisitCheckIn>(response.Value!.GetString("Data"), PortalJson.Options)!, response.Value.ETag.ToString())
            : null;
    }

    public async Task<(string CheckIn, string Appointment)> SaveAsync(
        PreVisitCheckIn checkIn, string? checkInETag, Appointment appointment, string appointmentETag, CancellationToken cancellationToken)
    {
        var row = new TableEntity(TableKeys.Encode(checkIn.PatientId), Prefix + TableKeys.Encode(checkIn.AppointmentId))
        {
            ["Data"] = JsonSerializer.Serialize(checkIn, PortalJson.Options),
        };
        List<TableTransactionAction> actions =
        [
            checkInETag is null
                ? new(TableTransactionActionType.Add, row)
                : new(TableTransactionActionType.UpdateReplace, row, new ETag(checkInETag)),
            new(TableTransactionActionType.UpdateReplace, TableAppointments.ToEntity(appointment), new ETag(appointmentETag)),
        ];
        var batch = await TableErrors.ConditionallyAsync(() => tables.Charts.SubmitTransactionAsync(actions, cancellationToken), "The check-in");
        return (ETagOf(batch.Value[0]), ETagOf(batch.Value[1]));
    }

    private static string ETagOf(Response response) => response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("Table storage returned no ETag.");
}
