using Portal.Core.Access;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Core.Identity;
using Portal.Core.Record;

namespace Portal.Core.Prescriptions;

/// <summary>
/// Use case: the patient, or a caregiver with <c>prescriptions.write</c>, asks for refills of active medications at a
/// pharmacy (one of theirs, or a new one, which joins their list). One open request per medication: a second is 409
/// naming the open one. Controlled substances, ended or paused medications and prescriptions without refills are
/// refused with what to do instead. With an Idempotency-Key a retry answers with the same request.
/// </summary>
public sealed class RequestRefill(ChartAccess access, IHealthRecord record, IRefillRequests requests, IRequestReplays replays, RefillCalendar calendar, TimeProvider clock)
{
    private const string Operation = "refill-request";

    /// <summary>The received request with its ETag; 400, 403, 404, 409 (an open request, or a reused key).</summary>
    public Task<Result<Versioned<RefillRequest>>> ExecuteAsync(
        Caller caller, string patientId, NewRefillRequest request, string? idempotencyKey, CancellationToken cancellationToken) =>
        PatientSide.CreateAsync(
            access, caller, patientId, "refill-requests", RefillRules.Validate(request), idempotencyKey,
            "Refill requests are made by the patient or their caregiver; the care team renews prescriptions in the record.",
            visit => FileAsync(visit, request, idempotencyKey, cancellationToken), cancellationToken);

    /// <summary>The 409 for medications that have open requests, each pointing at its request.</summary>
    public static Failure AlreadyOpen(string patientId, IReadOnlyList<string> medicationIds, IReadOnlyDictionary<string, string> open) => new(
        FailureKind.Conflict,
        "A refill request for this medication is already open: follow it, or cancel it while it is requested.",
        medicationIds.Select((id, i) => (id, i)).Where(m => open.ContainsKey(m.id))
            .ToDictionary(m => $"medicationIds[{m.i}]", m => new[] { $"/api/patients/{patientId}/refill-requests/{open[m.id]}" }, StringComparer.Ordinal));

    private async Task<Result<Versioned<RefillRequest>>> FileAsync(ChartVisit visit, NewRefillRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await replays.ClaimAsync(
            visit.Caller.Subject, Operation, idempotencyKey, IdempotencyKeys.Hash(new { visit.PatientId, request }), () => RefillRules.NewRequestId(now), now, cancellationToken);
        if (!claimed.Succeeded)
        {
            return claimed.Failure;
        }

        var (replay, retry) = claimed.Value;
        if (retry && await requests.FindAsync(visit.PatientId, replay.ResourceId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var open = await requests.OpenByMedicationAsync(visit.PatientId, cancellationToken);
        var medications = await MedicationsAsync(visit, request.MedicationIds, open, cancellationToken);
        if (!medications.Succeeded)
        {
            return medications.Failure;
        }

        var pharmacy = await PharmacyAsync(visit.PatientId, request, cancellationToken);
        if (!pharmacy.Succeeded)
        {
            return pharmacy.Failure;
        }

        // Everything below follows from the replay, so a retry writes the very same request.
        var received = RefillRules.Received(visit.PatientId, replay.ResourceId, medications.Value, pharmacy.Value.Pharmacy, request.Note,
            visit.Caller.Subject, RecordCallers.NameOf(visit), visit.OnBehalfOf, replay.CreatedAt, calendar.DueAt(replay.CreatedAt));
        try
        {
            return new Versioned<RefillRequest>(received, await requests.AddAsync(received, pharmacy.Value.IsNew ? pharmacy.Value.Pharmacy : null, cancellationToken));
        }
        catch (ConcurrencyConflictException)
        {
            // A concurrent retry of this request got there first, or another request took a medication meanwhile.
            if (await requests.FindAsync(visit.PatientId, received.RequestId, cancellationToken) is { } written)
            {
                return written;
            }

            return AlreadyOpen(visit.PatientId, request.MedicationIds, await requests.OpenByMedicationAsync(visit.PatientId, cancellationToken));
        }
    }

    private async Task<Result<IReadOnlyList<RefillMedication>>> MedicationsAsync(
        ChartVisit visit, IReadOnlyList<string> ids, IReadOnlyDictionary<string, string> open, CancellationToken cancellationToken)
    {
        var found = await Task.WhenAll(ids.Select(id => record.FindAsync(visit.PatientId, RecordSection.Medications, id, cancellationToken)));
        var errors = new FieldErrors();
        var medications = new List<RefillMedication>();
        for (var i = 0; i < ids.Count; i++)
        {
            // A medication the caller may not see (a caregiver and a confidential item) is, for them, not in the record.
            if (found[i]?.Value is not { } item || !RecordVisibility.MaySee(visit, item))
            {
                errors.Add($"medicationIds[{i}]", "There is no such medication in this record.");
                continue;
            }

            var eligibility = RefillRules.Eligibility(item.Content.Medication!, null);
            if (!eligibility.CanRequest)
            {
                errors.Add($"medicationIds[{i}]", $"{eligibility.Explanation} {eligibility.WhatToDo}");
                continue;
            }

            medications.Add(new RefillMedication(item.ItemId, item.Content.Medication!.Name, item.Version, item.Confidential));
        }

        if (errors.ToFailure() is { } invalid)
        {
            return invalid;
        }

        return ids.Any(open.ContainsKey) ? AlreadyOpen(visit.PatientId, ids, open) : medications;
    }

    private async Task<Result<(Pharmacy Pharmacy, bool IsNew)>> PharmacyAsync(string patientId, NewRefillRequest request, CancellationToken cancellationToken)
    {
        var known = await requests.PharmaciesAsync(patientId, cancellationToken);
        if (request.Pharmacy is { } details)
        {
            var pharmacy = details.ToPharmacy();
            return (known.FirstOrDefault(p => p.PharmacyId == pharmacy.PharmacyId) ?? pharmacy, known.All(p => p.PharmacyId != pharmacy.PharmacyId));
        }

        return known.FirstOrDefault(p => p.PharmacyId == request.PharmacyId) is { } chosen
            ? (chosen, false)
            : Failure.Invalid("pharmacyId", "Not one of your pharmacies: choose one from your list or enter a new one.");
    }
}
