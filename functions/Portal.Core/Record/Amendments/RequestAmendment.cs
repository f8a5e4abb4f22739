using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Record.Amendments;

/// <summary>
/// Use case: the patient, or a caregiver with <c>records.write</c>, asks the clinic to amend an item of the record (or
/// the record in general). The request is received now and due in 60 days; it enters the staff's queue. With an
/// Idempotency-Key a retry answers with the same request (the key is remembered first with the request's id and time).
/// </summary>
public sealed class RequestAmendment(ChartAccess access, IHealthRecord record, IAmendmentRequests requests, IRequestReplays replays, TimeProvider clock)
{
    private const string Operation = "amendment";

    /// <summary>The received request with its ETag; 400, 403 (the care team does not file requests), 404, 409 for a reused key.</summary>
    public async Task<Result<Versioned<AmendmentRequest>>> ExecuteAsync(
        Caller caller, string patientId, NewAmendmentRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var (errors, section) = AmendmentRules.Validate(request);
        errors.Require(IdempotencyKeys.IsValidOrAbsent(idempotencyKey), IdempotencyKeys.Field, IdempotencyKeys.Rule);
        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        var visit = await access.OpenAsync(caller, patientId, Permission.Change(DataCategory.Amendments), $"patients/{patientId}/amendments", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var outcome = RecordCallers.IsCareTeam(visit.Value)
            ? new Failure(FailureKind.Forbidden, "Amendment requests are filed by the patient or their caregiver.")
            : await FileAsync(visit.Value, request, section, idempotencyKey, cancellationToken);
        await access.RecordAsync(visit.Value, outcome.Succeeded ? AuditOutcome.Success : AuditOutcome.Failed, cancellationToken);
        return outcome;
    }

    private async Task<Result<Versioned<AmendmentRequest>>> FileAsync(
        ChartVisit visit, NewAmendmentRequest request, RecordSection? section, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await replays.ClaimAsync(
            visit.Caller.Subject, Operation, idempotencyKey, IdempotencyKeys.Hash(new { visit.PatientId, request }), () => AmendmentRules.NewRequestId(now), now, cancellationToken);
        if (!claimed.Succeeded)
        {
            return claimed.Failure;
        }

        var (replay, retry) = claimed.Value;
        if (retry && await requests.FindAsync(visit.PatientId, replay.ResourceId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        AmendmentTarget? target = null;
        var confidential = false;
        if (section is { } itemSection)
        {
            // An item the caller may not see (a caregiver and a confidential item) is, for them, not in the record.
            var item = (await record.FindAsync(visit.PatientId, itemSection, request.ItemId!, cancellationToken))?.Value;
            if (item is null || !RecordVisibility.MaySee(visit, item))
            {
                return Failure.Invalid("itemId", "There is no such item in this record.");
            }

            target = new AmendmentTarget(itemSection, item.ItemId, item.Version, RecordLabels.Of(item.Content));
            confidential = item.Confidential;
        }

        // Everything below follows from the replay, so a retry writes the very same request.
        var received = AmendmentRules.Received(
            visit.PatientId, replay.ResourceId, target, request, visit.Caller.Subject, RecordCallers.NameOf(visit), visit.OnBehalfOf, replay.CreatedAt, confidential);
        try
        {
            return new Versioned<AmendmentRequest>(received, await requests.AddAsync(received, cancellationToken));
        }
        catch (ConcurrencyConflictException)
        {
            // A concurrent retry of the same request got there first.
            var written = await requests.FindAsync(visit.PatientId, received.RequestId, cancellationToken);
            if (written is null)
            {
                throw;
            }

            return written;
        }
    }
}
