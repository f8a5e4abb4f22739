using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>What the patient's side (the patient, or a caregiver with <c>prescriptions.write</c>) creates: checked, gated, audited the same way.</summary>
internal static class PatientSide
{
    /// <summary>
    /// 400 for <paramref name="errors"/> or a malformed Idempotency-Key; 403/404 per the policy; 403 with
    /// <paramref name="careTeamRefusal"/> for staff; else <paramref name="create"/>, audited with its outcome.
    /// </summary>
    public static async Task<Result<T>> CreateAsync<T>(
        ChartAccess access, Caller caller, string patientId, string resource, FieldErrors errors, string? idempotencyKey, string careTeamRefusal,
        Func<ChartVisit, Task<Result<T>>> create, CancellationToken cancellationToken)
    {
        errors.Require(IdempotencyKeys.IsValidOrAbsent(idempotencyKey), IdempotencyKeys.Field, IdempotencyKeys.Rule);
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        var visit = await access.OpenAsync(caller, patientId, Permission.Change(DataCategory.Prescriptions), $"patients/{patientId}/{resource}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = RecordCallers.IsCareTeam(visit.Value) ? new Failure(FailureKind.Forbidden, careTeamRefusal) : await create(visit.Value);
        await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }
}
