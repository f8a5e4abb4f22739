using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Billing;

/// <summary>Use case: every ledger entry, newest first, a page at a time.</summary>
public sealed class ListBillingActivity(ILedger ledger, ChartAccess access)
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>One page of entries; reading them is audited.</summary>
    public Task<Result<Page<LedgerEntry>>> ExecuteAsync(
        Caller caller, string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        access.ReadPageAsync(
            caller, patientId, Permission.Read(DataCategory.Billing), $"patients/{patientId}/billing/activity", pageSize, MaxPageSize,
            () => ledger.ListAsync(patientId, pageSize, continuationToken, cancellationToken), cancellationToken);
}
