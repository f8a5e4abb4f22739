using Azure;
using Azure.Data.Tables;
using Portal.Azure.Notifications;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Core.Prescriptions;

namespace Portal.Azure.Prescriptions;

/// <summary>
/// Refill requests in the patient's <c>Charts</c> partition: <c>rxreq|{requestId}</c> (newest first; <c>Confidential</c>
/// as a column so a caregiver's list filters in the query), <c>rxopen|{medicationId}</c> naming the open request of a
/// medication (added with the request in one transaction, so a second open request cannot be written; removed with the
/// decision), and <c>rxpharm|{pharmacyId}</c>, the patient's pharmacies. The staff's queue is <c>Lookups</c> partition
/// <c>refill-open</c>, RowKey <c>{received ticks}|{patientId}|{requestId}</c>, one row per open request.
/// </summary>
internal sealed class TableRefillRequests(PortalTables tables) : IRefillRequests
{
    private const string Prefix = "rxreq|";
    private const string OpenPrefix = "rxopen|";
    private const string PharmacyPrefix = "rxpharm|";
    private const string QueuePartition = "refill-open";

    public async Task<Versioned<RefillRequest>?> FindAsync(string patientId, string requestId, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), Prefix + requestId, ["Data"], cancellationToken);
        return response.HasValue ? new Versioned<RefillRequest>(PrescriptionRows.Read<RefillRequest>(response.Value!), response.Value!.ETag.ToString()) : null;
    }

    public Task<Portal.Core.Common.Page<RefillRequest>> ListAsync(string patientId, bool includeConfidential, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var filter = PrescriptionRows.Range(patientId, Prefix) + (includeConfidential ? "" : " and Confidential eq false");
        return PagedQueries.ReadAsync(tables.Charts, filter, pageSize, continuationToken, $"rxreq|{patientId}|{includeConfidential}", PrescriptionRows.Read<RefillRequest>, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> OpenByMedicationAsync(string patientId, CancellationToken cancellationToken)
    {
        var open = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in tables.Charts.QueryAsync<TableEntity>(PrescriptionRows.Range(patientId, OpenPrefix), select: ["RowKey", "RequestId"], cancellationToken: cancellationToken))
        {
            open[row.RowKey[OpenPrefix.Length..]] = row.GetString("RequestId");
        }

        return open;
    }

    public async Task<IReadOnlyList<Pharmacy>> PharmaciesAsync(string patientId, CancellationToken cancellationToken)
    {
        var pharmacies = new List<(DateTimeOffset At, Pharmacy Pharmacy)>();
        await foreach (var row in tables.Charts.QueryAsync<TableEntity>(PrescriptionRows.Range(patientId, PharmacyPrefix), cancellationToken: cancellationToken))
        {
            pharmacies.Add((row.GetDateTimeOffset("AddedAt") ?? DateTimeOffset.MinValue, PrescriptionRows.Read<Pharmacy>(row)));
        }

        return [.. pharmacies.OrderBy(p => p.At).Select(p => p.Pharmacy)];
    }

    public async Task<string> AddAsync(RefillRequest request, Pharmacy? newPharmacy, CancellationToken cancellationToken)
    {
        // Index first: a queue row whose request never lands opens on a 404 and leaves on the next write of that request.
        await ReconcileQueueAsync(request, cancellationToken);
        var partition = TableKeys.Encode(request.PatientId);
        List<TableTransactionAction> actions = [new(TableTransactionActionType.Add, ToEntity(request))];
        actions.AddRange(request.Medications.Select(m => new TableTransactionAction(
            TableTransactionActionType.Add, new TableEntity(partition, OpenPrefix + m.MedicationId) { ["RequestId"] = request.RequestId })));
        if (newPharmacy is not null)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, PharmacyPrefix + newPharmacy.PharmacyId)
            {
                ["Data"] = PrescriptionRows.Json(newPharmacy),
                ["AddedAt"] = request.RequestedAt,
            }));
        }

        var response = await TableErrors.ConditionallyAsync(() => tables.Charts.SubmitTransactionAsync(actions, cancellationToken), "The refill request");
        return response.Value[0].Headers.ETag.ToString()!;
    }

    public async Task<string> SaveAsync(RefillRequest request, string eTag, Notice? notice, CancellationToken cancellationToken)
    {
        if (notice is not null)
        {
            await tables.Lookups.UpsertEntityAsync(NoticeRows.Pending(notice), TableUpdateMode.Replace, cancellationToken);
        }

        var partition = TableKeys.Encode(request.PatientId);
        List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateReplace, ToEntity(request), new ETag(eTag))];
        if (!request.IsOpen)
        {
            // The request was open until now (its ETag says so), so its open rows are there to remove, in the same transaction.
            actions.AddRange(request.Medications.Select(m => new TableTransactionAction(
                TableTransactionActionType.Delete, new TableEntity(partition, OpenPrefix + m.MedicationId), ETag.All)));
        }

        if (notice is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, NoticeRows.Chart(notice)));
        }

        var response = await TableErrors.ConditionallyAsync(() => tables.Charts.SubmitTransactionAsync(actions, cancellationToken), "The refill request");
        await ReconcileQueueAsync(request, cancellationToken);
        return response.Value[0].Headers.ETag.ToString()!;
    }

    public Task ReconcileQueueAsync(RefillRequest request, CancellationToken cancellationToken) =>
        PrescriptionRows.ReconcileAsync(tables, QueuePartition, PrescriptionRows.QueueRow(request.RequestedAt, request.PatientId, request.RequestId), RefillQueueEntry.Of(request), cancellationToken);

    public Task<Portal.Core.Common.Page<RefillQueueEntry>> QueueAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        PagedQueries.ReadAsync(
            tables.Lookups, TableClient.CreateQueryFilter($"PartitionKey eq {QueuePartition}"), pageSize, continuationToken, QueuePartition,
            PrescriptionRows.Read<RefillQueueEntry>, cancellationToken);

    private static TableEntity ToEntity(RefillRequest request) => new(TableKeys.Encode(request.PatientId), Prefix + request.RequestId)
    {
        ["Data"] = PrescriptionRows.Json(request),
        ["State"] = request.State.ToString(),
        ["Confidential"] = request.Confidential,
    };
}
