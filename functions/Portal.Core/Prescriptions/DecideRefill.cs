using System.Security.Cryptography;
using System.Text;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Record;
using Portal.Core.Scheduling;

namespace Portal.Core.Prescriptions;

/// <summary>
/// Use cases of the prescriber's side (clinicians; front desk sees the queue but decides nothing): take a request into
/// review, approve it (the new prescriptions are recorded on the medications: refills, quantity, days supply, filled
/// today), deny it with a reason, or answer that a visit is needed with the visit type to book. Each step tells the
/// patient with a notice in the same transaction (the notice names no drug) and is audited.
/// </summary>
public sealed class DecideRefill(RefillWrites writes, IHealthRecord record, IClinicSetup setup, RefillCalendar calendar)
{
    /// <summary>Takes it into review; 400, 403, 404, 409 (not requested), 412, 428.</summary>
    public Task<Result<Versioned<RefillRequest>>> ReviewAsync(
        Caller caller, string patientId, string requestId, string? ifMatch, RefillReview body, CancellationToken cancellationToken) =>
        writes.ApplyAsync(caller, patientId, requestId, ifMatch, "review", RefillSide.Prescriber, notify: true,
            (visit, current, now, _) => Task.FromResult(RefillRules.Review(current, body, now, visit.Caller.Subject, RecordCallers.NameOf(visit))),
            cancellationToken);

    /// <summary>Denies it; 400, 403, 404, 409 (closed already), 412, 428.</summary>
    public Task<Result<Versioned<RefillRequest>>> DenyAsync(
        Caller caller, string patientId, string requestId, string? ifMatch, RefillDenial body, CancellationToken cancellationToken) =>
        writes.ApplyAsync(caller, patientId, requestId, ifMatch, "deny", RefillSide.Prescriber, notify: true,
            (visit, current, now, _) => Task.FromResult(RefillRules.Deny(current, body, now, visit.Caller.Subject, RecordCallers.NameOf(visit))),
            cancellationToken);

    /// <summary>Answers that a visit is needed; 400 (no such visit type), 403, 404, 409, 412, 428.</summary>
    public Task<Result<Versioned<RefillRequest>>> NeedsVisitAsync(
        Caller caller, string patientId, string requestId, string? ifMatch, RefillVisitRequirement body, CancellationToken cancellationToken) =>
        writes.ApplyAsync(caller, patientId, requestId, ifMatch, "needs-visit", RefillSide.Prescriber, notify: true,
            async (visit, current, now, _) =>
            {
                if (RefillRules.Closed(current) is { } closed)
                {
                    return closed; // before the visit type is looked up
                }

                if ((await setup.ReadAsync(cancellationToken)).VisitType(body.VisitTypeId ?? "") is not { } type)
                {
                    return Failure.Invalid("visitTypeId", "One of the clinic's visit types.");
                }

                var needed = new VisitNeeded(type.Id, type.Name, RefillRules.BookingLink(type.Id));
                return RefillRules.NeedsVisit(current, needed, body.Note, now, visit.Caller.Subject, RecordCallers.NameOf(visit));
            },
            cancellationToken);

    /// <summary>
    /// Approves it. The medications are updated first (one record write, each change kept in the item's history with
    /// this request as the reason), then the request is marked approved; a retry after a failure in between finds the
    /// changes by that reason and does not apply them twice. 400, 403, 404, 409 (closed already, a medication ended), 412, 428.
    /// </summary>
    public Task<Result<Versioned<RefillRequest>>> ApproveAsync(
        Caller caller, string patientId, string requestId, string? ifMatch, RefillApproval body, CancellationToken cancellationToken) =>
        writes.ApplyAsync(caller, patientId, requestId, ifMatch, "approve", RefillSide.Prescriber, notify: true,
            async (visit, current, now, hold) =>
            {
                var (by, byName) = (visit.Caller.Subject, RecordCallers.NameOf(visit));
                var approved = RefillRules.Approve(current, body, now, by, byName);
                if (!approved.Succeeded)
                {
                    return approved;
                }

                var recorded = await hold() ?? await RecordAsync(current, body, now, by, byName, cancellationToken);
                return recorded is { } failed ? failed : approved;
            },
            cancellationToken);

    private async Task<Failure?> RecordAsync(RefillRequest request, RefillApproval approval, DateTimeOffset now, string by, string byName, CancellationToken cancellationToken)
    {
        var reason = RefillRules.ApprovalReason(request.RequestId);
        var today = calendar.Today(now);
        var changes = new List<RecordChange>();
        foreach (var approved in approval.Medications)
        {
            var found = await record.FindAsync(request.PatientId, RecordSection.Medications, approved.MedicationId, cancellationToken);
            if (found is null)
            {
                return new Failure(FailureKind.Conflict, "A medication of this request is no longer in the record.");
            }

            var item = found.Value;
            if (item.History.Any(h => h.ChangeReason == reason))
            {
                continue; // recorded by an earlier attempt whose request write failed
            }

            if (item.Content.Medication!.Status is not MedicationStatus.Active)
            {
                return new Failure(FailureKind.Conflict, "A medication of this request was stopped or paused since it was asked for; deny the request or ask for a visit.");
            }

            var refilled = RefillRules.Refilled(item.Content.Medication, approved, today);
            changes.Add(new RecordChange(item, found.ETag, item.Revise(item.Content with { Medication = refilled }, null, item.Confidential, item.VisitId, now, by, byName, reason)));
        }

        if (changes.Count == 0)
        {
            return null;
        }

        var writeId = "rx" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            request.RequestId + "|" + string.Join("|", changes.Select(c => $"{c.After.ItemId}:{c.After.Version}")))))[..40];
        try
        {
            await record.WriteAsync(new RecordWrite(request.PatientId, writeId, changes, null), cancellationToken);
            return null;
        }
        catch (ConcurrencyConflictException)
        {
            return new Failure(FailureKind.PreconditionFailed, "A medication of this request changed meanwhile; read the request again and approve it anew.");
        }
    }
}
