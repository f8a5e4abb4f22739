using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Record.Amendments;

/// <summary>
/// Use case: the patient's amendment requests, newest first, for the patient, caregivers with <c>records.read</c>
/// (without requests about confidential items) and the staff who decide them; <c>?itemId=</c> lists those about one
/// item (its statements of disagreement and denials are linked to it this way).
/// </summary>
public sealed class ListAmendments(ChartAccess access, IAmendmentRequests requests)
{
    /// <summary>Largest page a caller may ask for.</summary>
    public const int MaxPageSize = 100;

    /// <summary>One page; 400 for a bad page size or item id, 403/404 per the policy.</summary>
    public Task<Result<Page<AmendmentRequest>>> ExecuteAsync(
        Caller caller, string patientId, string? itemId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (itemId is not null && !RecordItemIds.IsValid(itemId))
        {
            return Task.FromResult<Result<Page<AmendmentRequest>>>(Failure.Invalid("itemId", "An item's id from the record."));
        }

        return access.ReadPageAsync(
            caller, patientId, Permission.Read(DataCategory.Amendments), $"patients/{patientId}/amendments", pageSize, MaxPageSize,
            visit => requests.ListAsync(patientId, itemId, RecordVisibility.ShowsConfidential(visit), pageSize, continuationToken, cancellationToken),
            cancellationToken);
    }
}
