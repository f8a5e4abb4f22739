using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Record;

/// <summary>Use case: a clinician adds a medication to the record (optionally as started at a visit).</summary>
public sealed class AddMedication(RecordPublishing publishing)
{
    /// <summary>The new medication with its ETag; 400/403/404/409.</summary>
    public Task<Result<Versioned<RecordItem>>> ExecuteAsync(Caller caller, string patientId, NewMedication request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (PublishingRules.Validate(request).ToFailure() is { } invalid)
        {
            return Task.FromResult<Result<Versioned<RecordItem>>>(invalid);
        }

        var start = ClinicalTimes.ToInstant(request.Start, publishing.Zone)!.Value;
        return publishing.CreateAsync(caller, patientId, RecordSection.Medications, request, idempotencyKey, start, async (visit, itemId, now) =>
        {
            var visitId = await publishing.VisitAsync(patientId, request.VisitId, "visitId", cancellationToken);
            if (!visitId.Succeeded)
            {
                return visitId.Failure;
            }

            var content = new RecordContent(Medication: new Medication(
                request.Name.Trim(),
                request.RxNormCode is null ? [] : [new RecordCode(CodeSystems.RxNorm, request.RxNormCode)],
                request.DoseInstructions.Trim(),
                request.Prescriber ?? visit.Caller.DisplayName,
                request.Start,
                request.End,
                MedicationStatus.Active,
                request.RefillsRemaining,
                request.DaysSupply,
                request.Quantity,
                null,
                request.ControlledSubstance,
                request.Reason));
            return new RecordItem(patientId, itemId, start, content.CurrentStatus, [], request.Confidential, visitId.Value, 1, now, visit.Caller.Subject, visit.Caller.DisplayName, content, []);
        }, cancellationToken);
    }
}
