using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Record.Amendments;

/// <summary>
/// Use case: after a denial, the patient (or a caregiver with <c>records.write</c>) files a written statement of
/// disagreement; it is attached to the request, which is linked to its item (listed with <c>?itemId=</c>).
/// </summary>
public sealed class FileDisagreement(AmendmentWrites writes)
{
    /// <summary>The request with the statement; 400, 403 (the care team), 404, 409 (not denied, or filed already), 412, 428.</summary>
    public Task<Result<Versioned<AmendmentRequest>>> ExecuteAsync(
        Caller caller, string patientId, string requestId, string? ifMatch, DisagreementRequest body, CancellationToken cancellationToken) =>
        writes.ApplyAsync(caller, patientId, requestId, ifMatch, "disagreement", AmendmentSide.Requester, notice: null,
            (visit, current, now) => Task.FromResult(AmendmentRules.Disagree(
                current.Value, body.Statement, now, visit.Caller.Subject, RecordCallers.NameOf(visit), visit.OnBehalfOf)),
            cancellationToken);
}
