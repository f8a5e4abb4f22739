using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>
/// Use case: the patient's medications with their refill facts and whether each can be refilled through the portal,
/// for the patient, caregivers with <c>prescriptions.read</c> (without confidential items) and clinicians. The
/// medications the patient reported and no clinician reviewed yet come last, marked so.
/// </summary>
public sealed class ListMedications(ChartAccess access, IHealthRecord record, IRefillRequests requests, IReportedItems reports)
{
    /// <summary>The most medications read (a chart lists far fewer; the rest are left out rather than read forever).</summary>
    public const int MaxMedications = 500;

    private const int ReadPage = 100;

    /// <summary>The list; 400 for an unknown status, 403/404 per the policy.</summary>
    public async Task<Result<IReadOnlyList<MedicationView>>> ExecuteAsync(Caller caller, string patientId, string? status, CancellationToken cancellationToken)
    {
        RecordStatusFilter filter;
        switch (status)
        {
            case null or "" or "active": filter = RecordStatusFilter.Active; break;
            case "all": filter = RecordStatusFilter.All; break;
            default: return Failure.Invalid("status", "active or all.");
        }

        var visit = await access.OpenAsync(caller, patientId, Permission.Read(DataCategory.Prescriptions), $"patients/{patientId}/medications", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        var query = new RecordQuery(RecordSection.Medications, filter, RecordVisibility.ShowsConfidential(visit.Value));
        var items = new List<RecordItem>();
        string? token = null;
        do
        {
            var page = await record.ReadSectionAsync(patientId, query, ReadPage, token, cancellationToken);
            items.AddRange(RecordVisibility.Visible(visit.Value, page.Items));
            token = page.ContinuationToken;
        }
        while (token is not null && items.Count < MaxMedications);

        var open = await requests.OpenByMedicationAsync(patientId, cancellationToken);
        var reported = await reports.ListAsync(patientId, RecordSection.Medications, ReadPage, null, cancellationToken);
        await access.RecordAsync(visit.Value, AuditOutcome.Success, cancellationToken);
        return MedicationViews.Of(items, open, reported.Items.Where(r => r.AwaitsReview && (filter == RecordStatusFilter.All || r.Stopped is null)));
    }
}

/// <summary>How record items and reports become the patient's medication list.</summary>
public static class MedicationViews
{
    /// <summary>The chart's medications in record order, then the reports awaiting review.</summary>
    public static List<MedicationView> Of(IEnumerable<RecordItem> items, IReadOnlyDictionary<string, string> open, IEnumerable<ReportedItem> reported) =>
    [
        .. items.Where(i => i.Content.Medication is not null).Select(item => Of(item, open.GetValueOrDefault(item.ItemId))),
        .. reported.Where(r => r.Content.Medication is not null).Select(Of),
    ];

    /// <summary>One chart medication.</summary>
    public static MedicationView Of(RecordItem item, string? openRequestId)
    {
        var m = item.Content.Medication!;
        return new MedicationView(item.ItemId, m.Name, m.DoseInstructions, m.Prescriber, m.Start, m.End, m.Status, m.RefillsRemaining, m.DaysSupply,
            m.LastFillDate, RefillRules.RunOut(m), RefillRules.Eligibility(m, openRequestId), item.Version);
    }

    /// <summary>One reported medication: never refilled through the portal, the clinic did not prescribe it.</summary>
    public static MedicationView Of(ReportedItem report)
    {
        var m = report.Content.Medication!;
        return new MedicationView(report.ReportId, m.Name, m.DoseInstructions, m.Prescriber, m.Start, m.End, m.Status, null, null, null, null,
            new RefillEligibility(false, RefillBlock.ReportedByPatient, "You told us about this medication; this clinic did not prescribe it.",
                report.Source == ReportedSource.OtherClinician ? "Ask the doctor who prescribed it, or your pharmacy." : "Buy it as before, or ask your pharmacist."),
            1, new ReportedProvenance(report.ReportedByName, report.ReportedAt, report.Source, report.Status));
    }
}
