using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Prescriptions;

/// <summary>Use case: one refill request with its status history and ETag (the version a decision or a cancellation sends in If-Match).</summary>
public sealed class ReadRefillRequest(ChartAccess access, IRefillRequests requests)
{
    /// <summary>The request; 403/404 per the policy, 404 when it is not there or the caller may not see it.</summary>
    public async Task<Result<Versioned<RefillRequest>>> ExecuteAsync(Caller caller, string patientId, string requestId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Prescriptions), $"patients/{patientId}/refill-requests/{requestId}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var found = await RefillWrites.FindVisibleAsync(requests, visit.Value, requestId, cancellationToken);
        await access.RecordAsync(visit.Value, found is null ? AuditOutcome.Failed : AuditOutcome.Success, cancellationToken);
        return found is null ? Failure.NotFound("The refill request") : found;
    }
}
