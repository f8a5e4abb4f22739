using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Prescriptions;

/// <summary>Use case: the patient's side marks a report stopped (no longer taken, no longer allergic) until a clinician reviews it.</summary>
public sealed class StopReportedItem(ReportedItemWrites writes, RefillCalendar calendar)
{
    /// <summary>The stopped report; 400, 403 (the care team), 404, 409 (stopped or reconciled already), 412, 428.</summary>
    public Task<Result<Versioned<ReportedItem>>> ExecuteAsync(Caller caller, string patientId, string reportId, string? ifMatch, ReportStop body, CancellationToken cancellationToken) =>
        writes.ApplyAsync(caller, patientId, reportId, ifMatch, "stop", byClinician: false, notice: null,
            (_, current, now) => Task.FromResult(ReportedItemRules.Stop(current, body, now, calendar.Today(now))),
            cancellationToken);
}
