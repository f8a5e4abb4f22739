using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Record.Amendments;

/// <summary>Use case: one amendment request with its ETag and the item it is about as it stands now.</summary>
public sealed class ReadAmendment(ChartAccess access, IAmendmentRequests requests, IHealthRecord record)
{
    /// <summary>The request; 403/404 per the policy, 404 when it is not there or is about an item the caller may not see.</summary>
    public async Task<Result<AmendmentView>> ExecuteAsync(Caller caller, string patientId, string requestId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Amendments), $"patients/{patientId}/amendments/{requestId}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var found = await AmendmentWrites.FindVisibleAsync(requests, visit.Value, requestId, cancellationToken);
        if (found is null)
        {
            await access.RecordAsync(visit.Value, AuditOutcome.Failed, cancellationToken);
            return Failure.NotFound("The amendment request");
        }

        var target = found.Value.Target;
        var item = target is null ? null : (await record.FindAsync(patientId, target.Section, target.ItemId, cancellationToken))?.Value;
        await access.RecordAsync(visit.Value, AuditOutcome.Success, cancellationToken);
        return new AmendmentView(found, item is not null && RecordVisibility.MaySee(visit.Value, item) ? item : null);
    }
}
