using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Labs.Results;

/// <summary>Use case: the patient's results, newest first; released ones only for the patient and caregivers.</summary>
public sealed class ListResults(ILabResults results, ChartAccess access)
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>A page with whether the caller is on the patient's side; 400/403/404.</summary>
    public async Task<Result<(Page<LabResult> Page, bool PatientSide)>> ExecuteAsync(
        Caller caller, string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var patientSide = true;
        var page = await access.ReadPageAsync(caller, patientId, Permission.Read(DataCategory.Results), $"patients/{patientId}/results", pageSize, MaxPageSize,
            () =>
            {
                // The policy has allowed the read: a caller without a role covering it is the patient or a caregiver.
                patientSide = !caller.Roles.Any(role => AccessPolicy.StaffAllows(role, Permission.Read(DataCategory.Results)));
                return results.ListAsync(patientId, patientSide, pageSize, continuationToken, cancellationToken);
            },
            cancellationToken);
        return page.Succeeded ? (page.Value, patientSide) : page.Failure;
    }
}
