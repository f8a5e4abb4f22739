using Hl7.Fhir.Model;
using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Record.Fhir;

namespace Portal.Core.Messaging.Fhir;

/// <summary>
/// The FHIR API's <c>Communication</c> resources: the patient's secure messages, a page of the chart's messages at a time
/// (thread by thread, oldest first in each). Read under <see cref="DataCategory.Messages"/>; staff see only the threads
/// of the pools their role answers, as in the portal's own messaging (<see cref="ThreadAccess.MaySee"/>).
/// </summary>
internal sealed class CommunicationSource(IMessageThreads threads, MessagePools pools, ThreadAccess access)
    : FhirSource("messages", DataCategory.Messages, null)
{
    public override async Task<Page<Resource>> SearchAsync(
        FhirSearch search, ChartVisit visit, int pageSize, string? continuationToken, FhirContext context, CancellationToken cancellationToken)
    {
        var page = await threads.MessagePageAsync(visit.PatientId, pageSize, continuationToken, cancellationToken);
        var visible = (await threads.ListAsync(visit.PatientId, cancellationToken))
            .Where(thread => pools.Find(thread.Pool) is not null && access.MaySee(visit, thread.Pool))
            .ToDictionary(thread => thread.ThreadId, StringComparer.Ordinal);
        return new Page<Resource>(
            [.. page.Items.Where(message => visible.ContainsKey(message.ThreadId) && search.Dates.Contains(message.SentAt))
                .Select(message => Resource(visible[message.ThreadId], message, context))],
            page.ContinuationToken);
    }

    public override async Task<Resource?> FindAsync(string id, ChartVisit visit, FhirContext context, CancellationToken cancellationToken)
    {
        if (!CommunicationResources.TryParseId(id, out var threadId, out var messageId)
            || await threads.FindAsync(visit.PatientId, threadId, cancellationToken) is not { } thread
            || pools.Find(thread.Value.Pool) is null
            || !access.MaySee(visit, thread.Value.Pool))
        {
            return null;
        }

        return await threads.FindMessageAsync(visit.PatientId, threadId, messageId, cancellationToken) is { } message
            ? Resource(thread.Value, message, context)
            : null;
    }

    // Messages are never edited: each is version 1, last updated when it was sent.
    private Communication Resource(MessageThread thread, ThreadMessage message, FhirContext context)
    {
        var communication = CommunicationResources.From(thread, pools.Find(thread.Pool)!, message, context.ApiBase);
        communication.Meta = new Meta { VersionId = "1", LastUpdated = message.SentAt };
        return communication;
    }
}
