using Microsoft.Extensions.Logging;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Notifications;

namespace Portal.Core.Labs.Results;

/// <summary>
/// Use cases of a clinician on one result: hold it under the preventing-harm exception (a written reason and an end
/// date, at most 30 days), or release it early with a short comment the patient sees. Clinicians only; each is audited
/// and kept in the result's hold history, which staff see. Releasing tells the patient in the same transaction.
/// </summary>
public sealed class ResultReleases(ILabResults results, ResultsAccess access, INoticeQueue notices, TimeProvider clock, ILogger<ResultReleases> logger)
{
    private const int Attempts = 5;

    /// <summary>Holds the result until <paramref name="until"/>; 400/403/404.</summary>
    public async Task<Result<LabResult>> HoldAsync(Caller caller, string patientId, string resultId, string? reason, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > ReleaseRules.MaxReasonLength)
        {
            errors["reason"] = [$"Write why the patient would be harmed, in 1 to {ReleaseRules.MaxReasonLength} characters."];
        }

        if (until is not { } end || end <= now || end > now + ReleaseRules.MaxClinicianHold)
        {
            errors["until"] = [$"An end date after now and at most {ReleaseRules.MaxClinicianHold.Days} days ahead."];
        }

        if (errors.Count > 0)
        {
            return Failure.Invalid(errors);
        }

        return await ChangeAsync(caller, patientId, resultId, "hold", "hold a result", result =>
            ReleaseRules.ClinicianHold(result, reason!.Trim(), until!.Value, caller.Subject, caller.DisplayName, now), now, cancellationToken);
    }

    /// <summary>Releases the result now (held or not) with an optional comment for the patient; 400/403/404.</summary>
    public async Task<Result<LabResult>> ReleaseAsync(Caller caller, string patientId, string resultId, string? comment, CancellationToken cancellationToken)
    {
        if (comment is { Length: > ReleaseRules.MaxCommentLength })
        {
            return Failure.Invalid("comment", $"At most {ReleaseRules.MaxCommentLength} characters.");
        }

        var now = clock.GetUtcNow();
        return await ChangeAsync(caller, patientId, resultId, "release", "release a result", result =>
            ReleaseRules.Release(result, "released", caller.Subject, caller.DisplayName, comment?.Trim(), now), now, cancellationToken);
    }

    private async Task<Result<LabResult>> ChangeAsync(
        Caller caller, string patientId, string resultId, string action, string what, Func<LabResult, LabResult> change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(caller, patientId, write: true, $"patients/{patientId}/results/{resultId}/{action}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        if (!caller.IsInRole(AppRoles.Clinician))
        {
            return await access.StaffOnlyAsync(visit.Value, what, cancellationToken);
        }

        var notice = Notice.Create(patientId, NoticeKind.NewResult, NoticeDetails.None, $"/results/{resultId}", now);
        for (var attempt = 1; ; attempt++)
        {
            var found = await results.FindAsync(patientId, resultId, cancellationToken);
            if (found is null)
            {
                await access.RecordAsync(visit.Value, false, cancellationToken);
                return Failure.NotFound("The result");
            }

            var changed = change(found.Value);
            var tells = changed.IsReleased && !found.Value.IsReleased;
            var dues = changed.Hold is { } hold && hold != found.Value.Hold ? new[] { new DueRelease(hold.Until, patientId, resultId) } : [];
            try
            {
                await results.WriteAsync(new LabChartWrite(patientId, [new ResultChange(changed, found.ETag, found.Value.SortTime, null)], tells ? notice : null, dues), cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                continue;
            }

            await access.RecordAsync(visit.Value, true, cancellationToken);
            if (tells)
            {
                await notices.TryEnqueueAsync(notice, logger, cancellationToken);
            }

            return changed;
        }
    }
}
