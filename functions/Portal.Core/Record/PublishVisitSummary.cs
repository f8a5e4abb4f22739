using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Record;

/// <summary>Use case: a clinician writes a visit with its after-visit summary, or replaces the summary of a visit (If-Match).</summary>
public sealed class PublishVisitSummary(RecordPublishing publishing)
{
    /// <summary>The new visit with its ETag; 400/403/404/409.</summary>
    public Task<Result<Versioned<RecordItem>>> CreateAsync(Caller caller, string patientId, VisitSummaryRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (PublishingRules.Validate(request).ToFailure() is { } invalid)
        {
            return Task.FromResult<Result<Versioned<RecordItem>>>(invalid);
        }

        return publishing.CreateAsync(caller, patientId, RecordSection.Visits, request, idempotencyKey, request.Start, (visit, itemId, now) =>
        {
            var content = Content(request);
            return Task.FromResult<Result<RecordItem>>(new RecordItem(
                patientId, itemId, request.Start, content.CurrentStatus, [], request.Confidential, null, 1, now, visit.Caller.Subject, visit.Caller.DisplayName, content, []));
        }, cancellationToken);
    }

    /// <summary>The changed visit with its new ETag; 400/403/404/412/428.</summary>
    public Task<Result<Versioned<RecordItem>>> UpdateAsync(
        Caller caller, string patientId, string visitId, string? ifMatch, VisitSummaryRequest request, CancellationToken cancellationToken)
    {
        if (PublishingRules.Validate(request).ToFailure() is { } invalid)
        {
            return Task.FromResult<Result<Versioned<RecordItem>>>(invalid);
        }

        return publishing.ChangeAsync(caller, patientId, RecordSection.Visits, visitId, ifMatch, "", (visit, item, now) =>
        {
            var revised = item.Revise(Content(request), null, request.Confidential, item.VisitId, now, visit.Caller.Subject, visit.Caller.DisplayName, "Summary rewritten");
            return Task.FromResult<Result<RecordItem>>(revised with { ClinicalDate = request.Start });
        }, cancellationToken);
    }

    private static RecordContent Content(VisitSummaryRequest request) => new(Visit: new Visit(
        request.Start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        request.End?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        request.Type.Trim(),
        [],
        request.Class ?? VisitClass.Ambulatory,
        VisitStatus.Finished,
        request.Provider,
        request.Location,
        request.Reason,
        request.Diagnoses ?? [],
        request.Summary.Trim(),
        request.Instructions ?? [],
        request.FollowUps ?? []));
}
