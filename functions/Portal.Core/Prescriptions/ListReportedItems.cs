using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Prescriptions;

/// <summary>Use case: what the patient reported (medications and allergies), newest first, with where each review stands.</summary>
public sealed class ListReportedItems(ChartAccess access, IReportedItems reports)
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>One page; 400 for a bad page size or token, 403/404 per the policy.</summary>
    public Task<Result<Page<ReportedItem>>> ExecuteAsync(Caller caller, string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        access.ReadPageAsync(
            caller, patientId, Permission.Read(DataCategory.Prescriptions), $"patients/{patientId}/reported-items", pageSize, MaxPageSize,
            () => reports.ListAsync(patientId, null, pageSize, continuationToken, cancellationToken),
            cancellationToken);
}
