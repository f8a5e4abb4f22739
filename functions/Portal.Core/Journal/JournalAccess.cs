using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Journal;

/// <summary>
/// Opens a patient's journal through the one policy (<see cref="DataCategory.Records"/>: caregivers need
/// <c>records.read</c> or <c>records.write</c>) and tells the sides apart: the patient and caregivers keep the journal;
/// staff read only what the patient's side shared and never write in it.
/// </summary>
public sealed class JournalAccess(ChartAccess access)
{
    /// <summary>The visit, or the 404/403 the policy answers (audited).</summary>
    public Task<Result<ChartVisit>> OpenAsync(Caller caller, string patientId, bool write, string resource, CancellationToken cancellationToken) =>
        access.OpenAsync(caller, patientId, write ? Permission.Change(DataCategory.Records) : Permission.Read(DataCategory.Records), resource, cancellationToken);

    /// <summary>True for the patient and caregivers (their links), false for staff roles.</summary>
    public static bool IsPatientSide(ChartVisit visit) => visit.ActingAs is "self" or "proxy";

    /// <summary>True when the visit may change or delete the entry: the patient any entry of theirs, a caregiver their own.</summary>
    public static bool MayChange(ChartVisit visit, string authorSubject) => visit.ActingAs == "self" || authorSubject == visit.Caller.Subject;

    /// <summary>Records the visit's outcome.</summary>
    public Task RecordAsync(ChartVisit visit, bool succeeded, CancellationToken cancellationToken) =>
        access.RecordAsync(visit, succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);

    /// <summary>A 403 for staff on the patient's side's action (audited as failed).</summary>
    public async Task<Failure> PatientSideOnlyAsync(ChartVisit visit, string what, CancellationToken cancellationToken)
    {
        await RecordAsync(visit, false, cancellationToken);
        return new Failure(FailureKind.Forbidden, $"Only the patient or their caregiver may {what}.");
    }

    /// <summary>Runs <paramref name="work"/> for an allowed visit and records its outcome.</summary>
    public async Task<Result<T>> RunAsync<T>(
        Caller caller, string patientId, bool write, string resource, Func<ChartVisit, Task<Result<T>>> work, CancellationToken cancellationToken)
    {
        var visit = await OpenAsync(caller, patientId, write, resource, cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        if (write && !IsPatientSide(visit.Value))
        {
            return await PatientSideOnlyAsync(visit.Value, "write in the journal", cancellationToken);
        }

        var outcome = await work(visit.Value);
        await RecordAsync(visit.Value, outcome.Succeeded, cancellationToken);
        return outcome;
    }
}
