using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Portal.Core.Clinic;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Notifications;
using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>
/// Use case: a clinician reconciles a report into the chart: accepted as reported or as edited (a chart item whose first
/// version is the patient's report, by them and when they made it, and whose second is the clinician's), or rejected
/// with a note. The report keeps its provenance and names the item; the patient is told that it was reviewed.
/// </summary>
public sealed class ReconcileReportedItem(ReportedItemWrites writes, IHealthRecord record, IOptions<ClinicOptions> clinic)
{
    /// <summary>The reconciled report; 400, 403, 404, 409 (reconciled already), 412, 428.</summary>
    public Task<Result<Versioned<ReportedItem>>> ExecuteAsync(
        Caller caller, string patientId, string reportId, string? ifMatch, ReportReconciliation body, CancellationToken cancellationToken) =>
        writes.ApplyAsync(caller, patientId, reportId, ifMatch, "reconcile", byClinician: true, NoticeKind.ReportedItemReviewed,
            async (visit, current, now) =>
            {
                if (ReportedItemRules.Check(current, body) is { } refused)
                {
                    return refused;
                }

                var (by, byName) = (visit.Caller.Subject, RecordCallers.NameOf(visit));
                string? itemId = null;
                if (body.Outcome != ReconcileOutcome.Rejected)
                {
                    var item = ReportedItemRules.ChartItem(current, body.Correction ?? current.Content, body.Outcome,
                        TimeZoneInfo.FindSystemTimeZoneById(clinic.Value.TimeZone), now, by, byName);
                    if (await WriteOnceAsync(item, cancellationToken) is { } failed)
                    {
                        return failed;
                    }

                    itemId = item.ItemId;
                }

                return current with { Reconciliation = new Reconciliation(body.Outcome, string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(), itemId, now, by, byName) };
            },
            cancellationToken);

    private async Task<Failure?> WriteOnceAsync(RecordItem item, CancellationToken cancellationToken)
    {
        // The item's id follows from the report, so an earlier attempt whose report write failed left this very item.
        if (await record.FindAsync(item.PatientId, item.Section, item.ItemId, cancellationToken) is not null)
        {
            return null;
        }

        var writeId = "rr" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(item.ItemId)))[..40];
        try
        {
            // The patient hears from the report's notice; the record write carries none of its own.
            await record.WriteAsync(new RecordWrite(item.PatientId, writeId, [new RecordChange(null, null, item)], null), cancellationToken);
            return null;
        }
        catch (ConcurrencyConflictException)
        {
            return await record.FindAsync(item.PatientId, item.Section, item.ItemId, cancellationToken) is not null
                ? null
                : new Failure(FailureKind.PreconditionFailed, "The record is being written by someone else; try again.");
        }
    }
}
