using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>
/// Use cases: the patient, or a caregiver with <c>prescriptions.write</c>, tells the clinic about a medication they take
/// (over the counter, or from another doctor) or an allergy. It is kept with who reported it and when, joins the
/// clinicians' reconciliation queue and shows as "reported by you, not yet reviewed". With an Idempotency-Key a retry
/// answers with the same report.
/// </summary>
public sealed class ReportItem(ChartAccess access, IReportedItems reports, IRequestReplays replays, TimeProvider clock)
{
    /// <summary>Reports a medication; 400, 403 (the care team writes the record itself), 404, 409 for a reused key.</summary>
    public Task<Result<Versioned<ReportedItem>>> MedicationAsync(
        Caller caller, string patientId, NewReportedMedication report, string? idempotencyKey, CancellationToken cancellationToken) =>
        ExecuteAsync(caller, patientId, "reported-medications", ReportedItemRules.Validate(report), () => ReportedItemRules.Content(report), report.Source, report, idempotencyKey, cancellationToken);

    /// <summary>Reports an allergy; 400, 403, 404, 409 for a reused key.</summary>
    public Task<Result<Versioned<ReportedItem>>> AllergyAsync(
        Caller caller, string patientId, NewReportedAllergy report, string? idempotencyKey, CancellationToken cancellationToken) =>
        ExecuteAsync(caller, patientId, "reported-allergies", ReportedItemRules.Validate(report), () => ReportedItemRules.Content(report), null, report, idempotencyKey, cancellationToken);

    private Task<Result<Versioned<ReportedItem>>> ExecuteAsync<TBody>(
        Caller caller, string patientId, string resource, FieldErrors errors, Func<RecordContent> content, ReportedSource? source, TBody body, string? idempotencyKey,
        CancellationToken cancellationToken) =>
        PatientSide.CreateAsync(
            access, caller, patientId, resource, errors, idempotencyKey, "Patients and caregivers report what they take; clinicians add it to the record directly.",
            visit => AddAsync(visit, resource, content(), source, body, idempotencyKey, cancellationToken), cancellationToken);

    private async Task<Result<Versioned<ReportedItem>>> AddAsync<TBody>(
        ChartVisit visit, string resource, RecordContent content, ReportedSource? source, TBody body, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await replays.ClaimAsync(
            visit.Caller.Subject, resource, idempotencyKey, IdempotencyKeys.Hash(new { visit.PatientId, body }), () => RefillRules.NewRequestId(now), now, cancellationToken);
        if (!claimed.Succeeded)
        {
            return claimed.Failure;
        }

        var (replay, retry) = claimed.Value;
        if (retry && await reports.FindAsync(visit.PatientId, replay.ResourceId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var report = ReportedItemRules.Reported(visit.PatientId, replay.ResourceId, content, source, visit.Caller.Subject, RecordCallers.NameOf(visit), visit.OnBehalfOf, replay.CreatedAt);
        try
        {
            return new Versioned<ReportedItem>(report, await reports.AddAsync(report, cancellationToken));
        }
        catch (ConcurrencyConflictException)
        {
            return await reports.FindAsync(visit.PatientId, report.ReportId, cancellationToken) ?? throw new InvalidOperationException("A report that conflicts must exist.");
        }
    }
}
