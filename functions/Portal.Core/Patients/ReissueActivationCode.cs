using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Patients;

/// <summary>
/// Use case: the front desk hands a patient a new activation code (the first was lost, expired or locked).
/// The new code ends any earlier unused one; once the patient has activated, no code is issued.
/// </summary>
public sealed class ReissueActivationCode(ActivationCodeReplacement replacement, ChartAccess access)
{
    /// <summary>The audit action of a re-issue.</summary>
    public const string Action = "activation.reissue";

    /// <summary>The fresh code; 403/404 from the access policy, 404 for an unknown patient, 409 once activated.</summary>
    public async Task<Result<ActivationCodeIssued>> ExecuteAsync(Caller caller, string patientId, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, Permission.Change(DataCategory.Activation), $"patients/{patientId}/activation-code", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var issued = await replacement.ReplaceAsync(patientId, cancellationToken);
        await access.RecordAsync(visit.Value with { Action = Action }, issued.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return issued;
    }
}
