using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Labs.Results;

/// <summary>
/// Opens a patient's results through the one policy (<see cref="DataCategory.Results"/>) and tells the two sides apart:
/// the patient and caregivers see released results only; staff see every result with its holds.
/// </summary>
public sealed class ResultsAccess(ChartAccess access)
{
    /// <summary>The visit, or the 404/403 the policy answers (audited).</summary>
    public Task<Result<ChartVisit>> OpenAsync(Caller caller, string patientId, bool write, string resource, CancellationToken cancellationToken) =>
        access.OpenAsync(caller, patientId, write ? Permission.Change(DataCategory.Results) : Permission.Read(DataCategory.Results), resource, cancellationToken);

    /// <summary>True for the patient and caregivers (their links), false for staff roles.</summary>
    public static bool IsPatientSide(ChartVisit visit) => visit.ActingAs is "self" or "proxy";

    /// <summary>Records the visit's outcome.</summary>
    public Task RecordAsync(ChartVisit visit, bool succeeded, CancellationToken cancellationToken) =>
        access.RecordAsync(visit, succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);

    /// <summary>A 403 for a patient-side caller on a staff action (audited as failed).</summary>
    public async Task<Failure> StaffOnlyAsync(ChartVisit visit, string what, CancellationToken cancellationToken)
    {
        await RecordAsync(visit, false, cancellationToken);
        return new Failure(FailureKind.Forbidden, $"Only a clinician may {what}.");
    }
}
