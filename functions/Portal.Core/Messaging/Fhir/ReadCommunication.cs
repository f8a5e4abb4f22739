using Hl7.Fhir.Model;
using Portal.Core.Access;
using Portal.Core.Common;
using Portal.Core.Identity;

namespace Portal.Core.Messaging.Fhir;

/// <summary>Use case: one secure message as a FHIR <c>Communication</c>, for whoever may read its thread. Audited.</summary>
public sealed class ReadCommunication(IMessageThreads threads, ThreadAccess access, MessagePools pools)
{
    /// <summary>The resource; 404 for an unknown id (or one of another chart), 403 for staff of another pool.</summary>
    public async Task<Result<Communication>> ExecuteAsync(Caller caller, string patientId, string communicationId, string apiBase, CancellationToken cancellationToken)
    {
        var visit = await access.OpenAsync(
            caller, patientId, Permission.Read(DataCategory.Messages), $"patients/{patientId}/fhir/Communication/{communicationId}", cancellationToken);
        if (!visit.Succeeded)
        {
            return visit.Failure;
        }

        if (!CommunicationResources.TryParseId(communicationId, out var threadId, out var messageId))
        {
            await access.RecordAsync(visit.Value, false, cancellationToken);
            return Failure.NotFound("The Communication");
        }

        var thread = await access.FindAsync(visit.Value, threadId, cancellationToken);
        if (!thread.Succeeded)
        {
            return thread.Failure;
        }

        var message = await threads.FindMessageAsync(patientId, threadId, messageId, cancellationToken);
        await access.RecordAsync(visit.Value, message is not null, cancellationToken);
        return message is null
            ? Failure.NotFound("The Communication")
            : CommunicationResources.From(thread.Value.Value, pools.Find(thread.Value.Value.Pool)!, message, apiBase);
    }
}
