using System.Text.Json;
using Azure;
using Page = Portal.Core.Common.Page<Portal.Core.Messaging.InboxEntry>;
using Azure.Data.Tables;
using Portal.Azure.Notifications;
using Portal.Azure.Tables;
using Portal.Core.Common;
using Portal.Core.Messaging;
using Portal.Core.Notifications;

namespace Portal.Azure.Messaging;

/// <summary>
/// Conversations in the patient's <c>Charts</c> partition: <c>thread|{threadId}</c> (the thread with its read
/// markers, ETag-guarded) and <c>msg|{threadId}|{messageId}</c> (inserts only, oldest first); plus each pool's
/// inbox index (<see cref="TableInbox"/>), written before the chart and rewritten from the thread on every write.
/// </summary>
internal sealed class TableMessageThreads(PortalTables tables, TimeProvider clock) : IMessageThreads
{
    private readonly TableInbox inbox = new(tables);

    private const string ThreadPrefix = "thread|";

    public async Task<Versioned<MessageThread>?> FindAsync(string patientId, string threadId, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(patientId), ThreadPrefix + TableKeys.Encode(threadId), ["Data"], cancellationToken);
        return response.HasValue ? new Versioned<MessageThread>(Read<MessageThread>(response.Value!), response.Value!.ETag.ToString()) : null;
    }

    public async Task<IReadOnlyList<MessageThread>> ListAsync(string patientId, CancellationToken cancellationToken)
    {
        var threads = new List<MessageThread>();
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(Range(patientId, ThreadPrefix), select: ["Data"], cancellationToken: cancellationToken))
        {
            threads.Add(Read<MessageThread>(entity));
        }

        return threads;
    }

    public async Task<IReadOnlyList<ThreadMessage>> MessagesAsync(string patientId, string threadId, CancellationToken cancellationToken)
    {
        var messages = new List<ThreadMessage>();
        await foreach (var entity in tables.Charts.QueryAsync<TableEntity>(Range(patientId, MessagePrefix(threadId)), select: ["Data"], cancellationToken: cancellationToken))
        {
            messages.Add(Read<ThreadMessage>(entity));
        }

        return messages;
    }

    public async Task<ThreadMessage?> FindMessageAsync(string patientId, string threadId, string messageId, CancellationToken cancellationToken)
    {
        var response = await tables.Charts.GetEntityIfExistsAsync<TableEntity>(
            TableKeys.Encode(patientId), MessagePrefix(threadId) + TableKeys.Encode(messageId), ["Data"], cancellationToken);
        return response.HasValue ? Read<ThreadMessage>(response.Value!) : null;
    }

    public Task<Portal.Core.Common.Page<ThreadMessage>> MessagePageAsync(string patientId, int pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        PagedQueries.ReadAsync(tables.Charts, Range(patientId, "msg|"), pageSize, continuationToken, $"messages\n{patientId}", Read<ThreadMessage>, cancellationToken);

    public async Task StartAsync(
        MessageThread thread, IReadOnlyList<ThreadMessage> messages, IReadOnlyList<Versioned<Attachment>> attachments, CancellationToken cancellationToken)
    {
        var check = await inbox.WriteAsync(thread, clock.GetUtcNow() + InboxCheck.Grace, cancellationToken);
        await CommitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, ToEntity(thread)),
                .. messages.Select(m => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(thread.PatientId, m))),
                .. messages.SelectMany(m => AttachmentRows.SendWith(m, attachments)),
            ],
            cancellationToken);
        await inbox.ConfirmAsync(check, cancellationToken);
    }

    public async Task SaveAsync(
        MessageThread thread, string eTag, ThreadMessage? message, IReadOnlyList<Versioned<Attachment>> attachments, Notice? notice, CancellationToken cancellationToken)
    {
        // Index first (the notice's pending row, the pool's inbox), then the chart in one transaction.
        if (notice is not null)
        {
            await tables.Lookups.UpsertEntityAsync(NoticeRows.Pending(notice), TableUpdateMode.Replace, cancellationToken);
        }

        var check = await inbox.WriteAsync(thread, clock.GetUtcNow() + InboxCheck.Grace, cancellationToken);
        List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateReplace, ToEntity(thread), new ETag(eTag))];
        if (message is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, ToEntity(thread.PatientId, message)));
            actions.AddRange(AttachmentRows.SendWith(message, attachments));
        }

        if (notice is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, NoticeRows.Chart(notice)));
        }

        await CommitAsync(actions, cancellationToken);
        await inbox.ConfirmAsync(check, cancellationToken);
    }

    public Task MarkReadAsync(MessageThread thread, string eTag, CancellationToken cancellationToken) =>
        TableErrors.ConditionallyAsync(
            () => tables.Charts.UpdateEntityAsync(ToEntity(thread), new ETag(eTag), TableUpdateMode.Replace, cancellationToken),
            "The thread");

    public Task<Page> InboxAsync(string pool, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var partition = InboxRows.Partition(pool);
        return PagedQueries.ReadAsync(
            tables.Lookups, TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {InboxRows.ChecksFrom}"), pageSize, continuationToken, partition, InboxRows.Read, cancellationToken);
    }

    public Task<IReadOnlyList<InboxCheck>> UnconfirmedAsync(string pool, DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        inbox.DueAsync(pool, now, max, cancellationToken);

    public Task<bool> ReconcileAsync(InboxCheck check, DateTimeOffset now, CancellationToken cancellationToken) =>
        inbox.ReconcileAsync(check, async () => (await FindAsync(check.PatientId, check.ThreadId, cancellationToken))?.Value, now, cancellationToken);

    /// <summary>One chart transaction; any lost race (a thread or upload changed, created or taken meanwhile) is a conflict.</summary>
    private async Task CommitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Charts.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            throw new ConcurrencyConflictException("The thread, or an upload it sends, was changed concurrently.");
        }
    }

    private static string MessagePrefix(string threadId) => $"msg|{TableKeys.Encode(threadId)}|";

    private static string Range(string patientId, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(patientId)} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}");

    private static TableEntity ToEntity(MessageThread thread) => new(TableKeys.Encode(thread.PatientId), ThreadPrefix + TableKeys.Encode(thread.ThreadId))
    {
        ["Data"] = JsonSerializer.Serialize(thread, PortalJson.Options),
    };

    private static TableEntity ToEntity(string patientId, ThreadMessage message) =>
        new(TableKeys.Encode(patientId), MessagePrefix(message.ThreadId) + message.MessageId)
        {
            ["Data"] = JsonSerializer.Serialize(message, PortalJson.Options),
        };

    private static T Read<T>(TableEntity entity) => JsonSerializer.Deserialize<T>(entity.GetString("Data"), PortalJson.Options)!;
}
