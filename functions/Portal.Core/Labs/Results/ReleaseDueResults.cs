using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Notifications;

namespace Portal.Core.Labs.Results;

/// <summary>
/// Use case (timer): releases the held results whose hold has ended, reading only the release index's due entries
/// (never the charts). An entry whose result was released early or re-held for longer is just removed. Each release
/// tells the patient in the same transaction and is audited as the release timer's.
/// </summary>
public sealed class ReleaseDueResults(ILabResults results, INoticeQueue notices, IAuditLog audit, TimeProvider clock, ILogger<ReleaseDueResults> logger)
{
    /// <summary>Entries handled per run at most.</summary>
    public const int MaxPerRun = 100;

    /// <summary>Who the audit log names for the timer.</summary>
    public const string Actor = "system:release-timer";

    /// <summary>Releases what is due; returns how many results became visible.</summary>
    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var released = 0;
        foreach (var due in await results.DueAsync(now, MaxPerRun, cancellationToken))
        {
            var found = await results.FindAsync(due.PatientId, due.ResultId, cancellationToken);
            if (found is { Value: { IsReleased: false, Hold: { } hold } result } && hold.Until <= now)
            {
                var notice = Notice.Create(due.PatientId, NoticeKind.NewResult, NoticeDetails.None, $"/results/{due.ResultId}", now);
                var changed = ReleaseRules.Release(result, "hold-ended", Actor, null, null, now);
                try
                {
                    await results.WriteAsync(new LabChartWrite(due.PatientId, [new ResultChange(changed, found.ETag, result.SortTime, null)], notice, []), cancellationToken);
                }
                catch (ConcurrencyConflictException)
                {
                    continue; // changed meanwhile: the next run looks again
                }

                await audit.AppendAsync(new AuditEvent(now, Actor, "Release timer", Actor, null, due.PatientId,
                    Permission.Change(DataCategory.Results).Scope, $"patients/{due.PatientId}/results/{due.ResultId}/release", AuditOutcome.Success, null,
                    Activity.Current?.TraceId.ToString()), cancellationToken);
                await notices.TryEnqueueAsync(notice, logger, cancellationToken);
                released++;
            }

            await results.RemoveDueAsync(due, cancellationToken);
        }

        return released;
    }
}
