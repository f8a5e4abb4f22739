using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Billing;

/// <summary>
/// Who may change a bill, on top of the policy's <c>billing.write</c>: the patient's side pays and chooses plans; the
/// billing office posts, refunds and enters claims. A refusal is audited as denied and answered 403.
/// </summary>
public static class BillingGate
{
    /// <summary>Opens the bill for the patient or a caregiver (staff are refused).</summary>
    public static Task<Result<ChartVisit>> OpenForPayerAsync(this ChartAccess access, Caller caller, string patientId, string resource, string refusal, CancellationToken cancellationToken) =>
        OpenAsync(access, caller, patientId, resource, visit => visit.ActingAs is "self" or "proxy", refusal, cancellationToken);

    /// <summary>Opens the bill for the billing office (the Billing role) only.</summary>
    public static Task<Result<ChartVisit>> OpenForOfficeAsync(this ChartAccess access, Caller caller, string patientId, string resource, string refusal, CancellationToken cancellationToken) =>
        OpenAsync(access, caller, patientId, resource, visit => visit.Caller.IsInRole(AppRoles.Billing), refusal, cancellationToken);

    private static async Task<Result<ChartVisit>> OpenAsync(
        ChartAccess access, Caller caller, string patientId, string resource, Func<ChartVisit, bool> allowed, string refusal, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Change(DataCategory.Billing), resource, cancellationToken);
        if (visit.Succeeded && !allowed(visit.Value))
        {
            await access.RecordAsync(visit.Value, AuditOutcome.Denied, cancellationToken);
            return new Failure(FailureKind.Forbidden, refusal);
        }

        return visit;
    }
}
