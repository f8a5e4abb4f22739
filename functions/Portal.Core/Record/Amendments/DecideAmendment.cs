using Microsoft.Extensions.Options;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Notifications;

namespace Portal.Core.Record.Amendments;

/// <summary>
/// Use cases of the clinic's side (clinicians and administrators): extend the deadline once by 30 days with a reason,
/// accept (correcting the item: its earlier value stays in the item's history), or deny on one of the rule's grounds
/// with the written denial the rule requires. Each tells the patient with a notice in the same transaction.
/// </summary>
public sealed class DecideAmendment(AmendmentWrites writes, IHealthRecord record, IOptions<AmendmentOptions> options, IOptions<ClinicOptions> clinic)
{
    /// <summary>Extends the deadline; 400, 403, 404, 409 (not open, extended already, or past due), 412, 428.</summary>
    public Task<Result<Versioned<AmendmentRequest>>> ExtendAsync(
        Caller caller, string patientId, string requestId, string? ifMatch, AmendmentExtensionRequest body, CancellationToken cancellationToken) =>
        writes.ApplyAsync(caller, patientId, requestId, ifMatch, "extend", AmendmentSide.CareTeam, NoticeKind.AmendmentExtended,
            (visit, current, now) => Task.FromResult(AmendmentRules.Extend(current.Value, body.Reason, now, visit.Caller.Subject, RecordCallers.NameOf(visit))),
            cancellationToken);

    /// <summary>Denies it; 400, 403, 404, 409 (decided already), 412, 428.</summary>
    public Task<Result<Versioned<AmendmentRequest>>> DenyAsync(
        Caller caller, string patientId, string requestId, string? ifMatch, AmendmentDenialRequest body, CancellationToken cancellationToken)
    {
        var texts = DenialTexts.From(options.Value, clinic.Value.Phone);
        return writes.ApplyAsync(caller, patientId, requestId, ifMatch, "deny", AmendmentSide.CareTeam, NoticeKind.AmendmentDenied,
            (visit, current, now) => Task.FromResult(AmendmentRules.Deny(current.Value, body, texts, now, visit.Caller.Subject, RecordCallers.NameOf(visit))),
            cancellationToken);
    }

    /// <summary>
    /// Accepts it. For an item, the correction replaces the item (ETag-guarded, the old value kept in its history with the
    /// request named as the reason) before the request is marked accepted; a retry after a failure in between finds the
    /// correction by that reason and does not apply it twice. 400, 403, 404, 409 (decided already, item gone), 412, 428.
    /// </summary>
    public Task<Result<Versioned<AmendmentRequest>>> AcceptAsync(
        Caller caller, string patientId, string requestId, string? ifMatch, AmendmentAcceptanceRequest body, CancellationToken cancellationToken) =>
        writes.ApplyAsync(caller, patientId, requestId, ifMatch, "accept", AmendmentSide.CareTeam, NoticeKind.AmendmentAccepted,
            async (visit, current, now) =>
            {
                var request = current.Value;
                var (by, byName) = (visit.Caller.Subject, RecordCallers.NameOf(visit));
                // A decided request fails first (409), before its body is judged or the item touched.
                var accepted = AmendmentRules.Accept(request, body.Note, null, now, by, byName);
                if (!accepted.Succeeded)
                {
                    return accepted;
                }

                if (Check(request, body).ToFailure() is { } invalid)
                {
                    return invalid;
                }

                if (request.Target is not { } target)
                {
                    return accepted;
                }

                var corrected = await CorrectAsync(request, target, body, now, by, byName, cancellationToken);
                return corrected.Succeeded ? AmendmentRules.Accept(request, body.Note, corrected.Value, now, by, byName) : corrected.Failure;
            },
            cancellationToken);

    /// <summary>The reason an accepted request's correction is kept under in the item's history.</summary>
    public static string CorrectionReason(string requestId) => $"Amendment request {requestId} accepted";

    private static FieldErrors Check(AmendmentRequest request, AmendmentAcceptanceRequest body)
    {
        var errors = new FieldErrors();
        errors.OptionalText(body.Note, "note", AmendmentRules.MaxText);
        if (request.Target is not { } target)
        {
            errors.Require(body.Correction is null, "correction", "A request about the record in general has no item to correct: say in the note what was done.");
            errors.Require(!string.IsNullOrWhiteSpace(body.Note), "note", "Say what was done about the request.");
            return errors;
        }

        if (body.Correction is not { } correction)
        {
            errors.Add("correction", "The item's corrected content is required to accept a request about an item.");
        }
        else if (!correction.IsWellFormed || correction.Section != target.Section)
        {
            errors.Add("correction", $"Exactly one model, of the item's section ({target.Section.Slug()}).");
        }
        else
        {
            errors.Require(ClinicalTimes.IsValid(correction.ClinicalTime), "correction", ClinicalTimes.Rule);
        }

        errors.Require(body.ItemVersion is > 0, "itemVersion", "The item's version the correction was made from.");
        return errors;
    }

    private async Task<Result<int>> CorrectAsync(
        AmendmentRequest request, AmendmentTarget target, AmendmentAcceptanceRequest body, DateTimeOffset now, string by, string byName, CancellationToken cancellationToken)
    {
        var found = await record.FindAsync(request.PatientId, target.Section, target.ItemId, cancellationToken);
        if (found is null)
        {
            return new Failure(FailureKind.Conflict, "The item is no longer in the record.");
        }

        var (item, eTag) = (found.Value, found.ETag);
        var reason = CorrectionReason(request.RequestId);
        if (item.History.FirstOrDefault(h => h.ChangeReason == reason) is { } done)
        {
            // Corrected by an earlier attempt whose request write failed.
            return done.Version + 1;
        }

        if (item.Version != body.ItemVersion)
        {
            return new Failure(FailureKind.PreconditionFailed, "The item changed since you read it; base the correction on its current version.");
        }

        var after = item.Revise(body.Correction!, null, item.Confidential, item.VisitId, now, by, byName, reason);
        try
        {
            await record.ReplaceAsync(item, eTag, after, null, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return new Failure(FailureKind.PreconditionFailed, "The item changed since you read it; base the correction on its current version.");
        }

        return after.Version;
    }
}
