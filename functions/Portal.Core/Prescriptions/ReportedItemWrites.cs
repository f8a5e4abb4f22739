using Microsoft.Extensions.Logging;
using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Notifications;
using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>
/// Changes a report the one safe way, like a refill request: If-Match required, the chart opened for the step, the
/// report read with its ETag (412 when stale), the step applied (409 when its state does not allow it), then the report
/// and the patient's notice saved in one chart transaction.
/// </summary>
public sealed class ReportedItemWrites(ChartAccess access, IReportedItems reports, INoticeQueue notices, TimeProvider clock, ILogger<ReportedItemWrites> logger)
{
    /// <summary>What a step makes of the report, or a failure. It may write the record first, idempotently.</summary>
    public delegate Task<Result<ReportedItem>> Step(ChartVisit visit, ReportedItem current, DateTimeOffset now);

    /// <summary>Applies <paramref name="step"/>: for clinicians when <paramref name="byClinician"/>, else for the patient's side; a notice of <paramref name="notice"/> goes when given.</summary>
    public Task<Result<Versioned<ReportedItem>>> ApplyAsync(
        Caller caller, string patientId, string reportId, string? ifMatch, string action, bool byClinician, NoticeKind? notice, Step step, CancellationToken cancellationToken) =>
        access.ChangeAsync(
            caller, patientId, Permission.Change(DataCategory.Prescriptions), $"patients/{patientId}/reported-items/{reportId}/{action}", ifMatch, "report",
            (visit, eTag) => ApplyAsync(visit, reportId, eTag, byClinician, notice, step, cancellationToken), cancellationToken);

    private async Task<Result<Versioned<ReportedItem>>> ApplyAsync(
        ChartVisit visit, string reportId, string ifMatch, bool byClinician, NoticeKind? noticeKind, Step step, CancellationToken cancellationToken)
    {
        var clinician = visit.Caller.IsInRole(AppRoles.Clinician) && RecordCallers.IsCareTeam(visit);
        if (byClinician ? !clinician : RecordCallers.IsCareTeam(visit))
        {
            return new Failure(FailureKind.Forbidden, byClinician
                ? "Reports are reconciled into the record by the clinic's clinicians."
                : "A report is marked stopped by the patient or their caregiver.");
        }

        var current = RefillRules.IsRequestId(reportId) ? await reports.FindAsync(visit.PatientId, reportId, cancellationToken) : null;
        if (current is null)
        {
            return Failure.NotFound("The report");
        }

        if (current.ETag != ifMatch && ifMatch != "*")
        {
            return Stale();
        }

        var now = clock.GetUtcNow();
        var changed = await step(visit, current.Value, now);
        if (!changed.Succeeded)
        {
            return changed.Failure;
        }

        var notice = noticeKind is { } kind ? Notice.Create(visit.PatientId, kind, NoticeDetails.None, $"/medications/reported/{reportId}", now) : null;
        string eTag;
        try
        {
            eTag = await reports.SaveAsync(changed.Value, current.ETag, notice, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return Stale();
        }

        if (notice is not null)
        {
            await notices.TryEnqueueAsync(notice, logger, cancellationToken);
        }

        return new Versioned<ReportedItem>(changed.Value, eTag);
    }

    private static Failure Stale() => new(FailureKind.PreconditionFailed, "The report changed since you read it; read it again.");
}
