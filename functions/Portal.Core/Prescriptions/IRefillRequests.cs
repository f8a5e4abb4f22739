using Portal.Core.Common;
using Portal.Core.Notifications;

namespace Portal.Core.Prescriptions;

/// <summary>
/// Port: refill requests in the patient's chart partition with one "open request" row per medication (so a second
/// open request for it cannot be written), the patient's pharmacies, and the staff's queue of open requests (an index
/// in its own partition, oldest first) that follows the chart: a new request's queue row is written before the chart,
/// a decided request's row is removed after it (a leftover row is removed by the next write of that request).
/// </summary>
public interface IRefillRequests
{
    /// <summary>The request with its ETag, or null. One point read.</summary>
    Task<Versioned<RefillRequest>?> FindAsync(string patientId, string requestId, CancellationToken cancellationToken);

    /// <summary>One page of the patient's requests, newest first, without the confidential ones unless asked. One range query.</summary>
    Task<Page<RefillRequest>> ListAsync(string patientId, bool includeConfidential, int pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>The open request of each medication that has one (medication id → request id). One range query.</summary>
    Task<IReadOnlyDictionary<string, string>> OpenByMedicationAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>The patient's pharmacies, as they were first used. One range query.</summary>
    Task<IReadOnlyList<Pharmacy>> PharmaciesAsync(string patientId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a new request: its queue row, then one chart transaction with the request, an open row per medication and
    /// the new pharmacy (<paramref name="newPharmacy"/>, if any). A medication with an open request, or the same request
    /// again, is a <see cref="ConcurrencyConflictException"/> and nothing is written to the chart.
    /// </summary>
    Task<string> AddAsync(RefillRequest request, Pharmacy? newPharmacy, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the request if <paramref name="eTag"/> matches, in one chart transaction with the removal of its open
    /// rows once it is closed and with its notice (the notice's pending row first); then brings its queue row in line.
    /// Stale: <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    Task<string> SaveAsync(RefillRequest request, string eTag, Notice? notice, CancellationToken cancellationToken);

    /// <summary>Makes the queue hold exactly the request's row: none once it is closed.</summary>
    Task ReconcileQueueAsync(RefillRequest request, CancellationToken cancellationToken);

    /// <summary>One page of the open requests of every patient, oldest first. One query of the queue's partition.</summary>
    Task<Page<RefillQueueEntry>> QueueAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken);
}

/// <summary>An open request as the staff's queue holds it: enough to triage, no drug names (front desk sees the queue too).</summary>
/// <param name="PatientId">Whose request.</param>
/// <param name="RequestId">Which.</param>
/// <param name="State">Requested or in review.</param>
/// <param name="RequestedAt">When it was received.</param>
/// <param name="DueAt">The clinic's target.</param>
/// <param name="MedicationCount">How many medications it names.</param>
public sealed record RefillQueueEntry(string PatientId, string RequestId, RefillState State, DateTimeOffset RequestedAt, DateTimeOffset DueAt, int MedicationCount)
{
    /// <summary>The entry of an open request, or null for a closed one (it leaves the queue).</summary>
    public static RefillQueueEntry? Of(RefillRequest request) => request.IsOpen
        ? new(request.PatientId, request.RequestId, request.State, request.RequestedAt, request.DueAt, request.Medications.Count)
        : null;
}
