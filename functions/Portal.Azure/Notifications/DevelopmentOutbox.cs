using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Portal.Azure.Tables;
using Microsoft.Extensions.Hosting;
using Portal.Core.Notifications;

namespace Portal.Azure.Notifications;

/// <summary>
/// Development only: SMS and e-mail are stored in the <c>DevOutbox</c> table of the local storage (Azurite)
/// instead of being sent, so a developer sees exactly what a patient would receive (<c>GET /api/dev/outbox</c>).
/// A second send with the same delivery key stores nothing, as the real providers send nothing.
/// </summary>
public sealed class DevelopmentOutbox : ISmsSender, IEmailSender, IHostedService
{
    private const string Partition = "outbox";
    private readonly TableClient table;
    private readonly TimeProvider clock;

    internal DevelopmentOutbox(TableServiceClient service, TimeProvider clock)
    {
        table = service.GetTableClient("DevOutbox");
        this.clock = clock;
    }

    /// <summary>Creates the table at start-up, like the app's own tables (a Development-only one, so not in infra/).</summary>
    public Task StartAsync(CancellationToken cancellationToken) => table.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What was "sent", newest first.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        var messages = new List<OutboxMessage>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {"msg|"} and RowKey lt {"msg}"}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: limit, cancellationToken: cancellationToken))
        {
            messages.Add(new OutboxMessage(
                entity.GetString("Channel"), entity.GetString("To"), entity.GetString("Subject"), entity.GetString("Text"),
                entity.GetString("Tag"), entity.GetString("MessageId"), entity.GetDateTimeOffset("At")!.Value));
            if (messages.Count == limit)
            {
                break;
            }
        }

        return messages;
    }

    public Task<SendResult> SendAsync(SmsMessage message, CancellationToken cancellationToken) =>
        StoreAsync("sms", message.To, null, message.Text, message.Tag, message.DeliveryKey, cancellationToken);

    public Task<SendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken) =>
        StoreAsync("email", message.To, message.Subject, message.PlainText, null, message.DeliveryKey, cancellationToken);

    private async Task<SendResult> StoreAsync(string channel, string to, string? subject, string text, string? tag, string deliveryKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var messageId = DeliveryIds.From($"{channel}:{deliveryKey}").ToString();
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        TableTransactionAction[] batch =
        [
            // The key row makes a repeated delivery key an insert conflict: the batch fails whole, nothing is stored twice.
            new(TableTransactionActionType.Add, new TableEntity(Partition, $"key|{channel}|{TableKeys.Encode(deliveryKey)}") { ["MessageId"] = messageId }),
            new(TableTransactionActionType.Add, new TableEntity(Partition, $"msg|{inverted}|{messageId}")
            {
                ["Channel"] = channel, ["To"] = to, ["Subject"] = subject, ["Text"] = text, ["Tag"] = tag, ["MessageId"] = messageId, ["At"] = now,
            }),
        ];
        try
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            // Sent before with this key: the same answer as then.
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
        }

        return SendResult.Accepted(messageId);
    }
}

/// <summary>A message in the development outbox.</summary>
/// <param name="Channel"><c>sms</c> or <c>email</c>.</param>
/// <param name="To">The phone number or address.</param>
/// <param name="Subject">The e-mail's subject; null for SMS.</param>
/// <param name="Text">What the patient would read.</param>
/// <param name="Tag">The notice's label for delivery reports, if any.</param>
/// <param name="MessageId">The id the "provider" gave it.</param>
/// <param name="At">When it was "sent".</param>
public sealed record OutboxMessage(string Channel, string To, string? Subject, string Text, string? Tag, string MessageId, DateTimeOffset At);
