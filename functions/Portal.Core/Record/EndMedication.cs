using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Record;

/// <summary>Use case: a clinician ends a medication (stopped or completed), optionally at a visit, under its ETag.</summary>
public sealed class EndMedication(RecordPublishing publishing, TimeProvider clock)
{
    /// <summary>The ended medication with its new ETag; 400/403/404/409/412/428.</summary>
    public Task<Result<Versioned<RecordItem>>> ExecuteAsync(
        Caller caller, string patientId, string medicationId, string? ifMatch, MedicationEnd request, CancellationToken cancellationToken)
    {
        if (PublishingRules.Validate(request).ToFailure() is { } invalid)
        {
            return Task.FromResult<Result<Versioned<RecordItem>>>(invalid);
        }

        return publishing.ChangeAsync(caller, patientId, RecordSection.Medications, medicationId, ifMatch, "/end", async (visit, item, now) =>
        {
            if (item.Content.Medication!.Status is MedicationStatus.Stopped or MedicationStatus.Completed)
            {
                return new Failure(FailureKind.Conflict, "This medication has already ended.");
            }

            var visitId = await publishing.VisitAsync(patientId, request.VisitId, "visitId", cancellationToken);
            if (!visitId.Succeeded)
            {
                return visitId.Failure;
            }

            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), publishing.Zone).DateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var ended = item.Content.Medication with
            {
                Status = request.Status,
                End = request.End ?? today,
                StopReason = request.Reason,
                StoppedVisitId = visitId.Value,
            };
            return item.Revise(item.Content with { Medication = ended }, null, item.Confidential, item.VisitId, now, visit.Caller.Subject, visit.Caller.DisplayName, request.Status == MedicationStatus.Stopped ? "Stopped" : "Completed");
        }, cancellationToken);
    }
}
