using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Prescriptions;

/// <summary>Use case: the pharmacies the patient has sent refill requests to, to choose from in the next one.</summary>
public sealed class ListPharmacies(ChartAccess access, IRefillRequests requests)
{
    /// <summary>The list; 403/404 per the policy.</summary>
    public async Task<Result<IReadOnlyList<Pharmacy>>> ExecuteAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Prescriptions), $"patients/{patientId}/pharmacies", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var pharmacies = await requests.PharmaciesAsync(patientId, cancellationToken);
        await access.RecordAsync(visit.Value, AuditOutcome.Success, cancellationToken);
        return pharmacies.ToList();
    }
}
