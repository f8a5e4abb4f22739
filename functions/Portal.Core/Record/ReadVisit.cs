using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Record;

/// <summary>Use case: a visit with its summary, diagnoses, medications started and stopped, documents and follow-ups; marks it reviewed for the caller only.</summary>
public sealed class ReadVisit(IHealthRecord record, ChartAccess access, TimeProvider clock)
{
    /// <summary>The visit; 404 when it does not exist or the caller may not see it, 404/403 per the access policy.</summary>
    public async Task<Result<VisitDetail>> ExecuteAsync(Caller caller, string patientId, string visitId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Records), $"patients/{patientId}/visits/{visitId}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var read = await record.ReadVisitAsync(patientId, visitId, cancellationToken);
        if (read is null || !RecordVisibility.MaySee(visit.Value, read.Visit.Value))
        {
            await access.RecordAsync(visit.Value, AuditOutcome.Failed, cancellationToken);
            return Failure.NotFound("The visit");
        }

        await record.MarkReviewedAsync(patientId, caller.Subject, visitId, clock.GetUtcNow(), cancellationToken);
        await access.RecordAsync(visit.Value, AuditOutcome.Success, cancellationToken);
        return VisitDetail.From(read.Visit.Value, RecordVisibility.Visible(visit.Value, read.Linked));
    }
}
