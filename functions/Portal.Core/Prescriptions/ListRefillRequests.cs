using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>Use case: the patient's refill requests, newest first, with their status histories.</summary>
public sealed class ListRefillRequests(ChartAccess access, IRefillRequests requests)
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>One page; 400 for a bad page size or token, 403/404 per the policy.</summary>
    public Task<Result<Page<RefillRequest>>> ExecuteAsync(Caller caller, string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        access.ReadPageAsync(
            caller, patientId, Permission.Read(DataCategory.Prescriptions), $"patients/{patientId}/refill-requests", pageSize, MaxPageSize,
            visit => requests.ListAsync(patientId, RecordVisibility.ShowsConfidential(visit), pageSize, continuationToken, cancellationToken),
            cancellationToken);
}
