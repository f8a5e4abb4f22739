using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>
/// Use case: the patient, or a caregiver with <c>prescriptions.write</c>, withdraws a request while it is still
/// requested (once a clinician reviews it, they write to the care team instead). The patient's own step sends no notice.
/// </summary>
public sealed class CancelRefillRequest(RefillWrites writes)
{
    /// <summary>The cancelled request; 403 (the care team), 404, 409 (no longer requested), 412, 428.</summary>
    public Task<Result<Versioned<RefillRequest>>> ExecuteAsync(Caller caller, string patientId, string requestId, string? ifMatch, CancellationToken cancellationToken) =>
        writes.ApplyAsync(caller, patientId, requestId, ifMatch, "cancel", RefillSide.Requester, notify: false,
            (visit, current, now, _) => Task.FromResult(RefillRules.Cancel(current, now, visit.Caller.Subject, RecordCallers.NameOf(visit))),
            cancellationToken);
}
