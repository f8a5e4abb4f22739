using System.Diagnostics;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Logging;
using Portal.Core.Labs;
using Portal.Core.Labs.Ingestion;

namespace Portal.Azure.Labs;

/// <summary>
/// Drains the Service Bus queue <c>lab-results</c> (the Functions Service Bus trigger is not available here, so a timer
/// calls this): peek-lock, complete once the report is stored, dead-letter with a reason and a description a message
/// that can never be stored, abandon on a transient failure (Service Bus dead-letters it after its max delivery count).
/// Bounded per run by a message count and a time budget, so one run never outlives its timeout.
/// </summary>
public sealed partial class ServiceBusLabDrain(IngestLabMessage ingest, ServiceBusReceiver? receiver, ILogger<ServiceBusLabDrain> logger)
{
    /// <summary>The channel name recorded for this way in.</summary>
    public const string Channel = "service-bus";

    /// <summary>Messages asked for per receive call.</summary>
    public const int ReceiveBatch = 20;

    /// <summary>True when a namespace is configured.</summary>
    public bool IsConfigured => receiver is not null;

    /// <summary>Drains up to <paramref name="maxMessages"/> messages within <paramref name="budget"/>; returns what it did.</summary>
    public async Task<LabDrainReport> DrainAsync(int maxMessages, TimeSpan budget, CancellationToken cancellationToken)
    {
        var report = new LabDrainReport();
        if (receiver is null)
        {
            return report;
        }

        var clock = Stopwatch.StartNew();
        while (report.Received < maxMessages && clock.Elapsed < budget && !cancellationToken.IsCancellationRequested)
        {
            var batch = await receiver.ReceiveMessagesAsync(Math.Min(ReceiveBatch, maxMessages - report.Received), TimeSpan.FromSeconds(1), cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var message in batch)
            {
                report.Received++;
                await HandleAsync(message, report, cancellationToken);
            }
        }

        return report;
    }

    private async Task HandleAsync(ServiceBusReceivedMessage message, LabDrainReport report, CancellationToken cancellationToken)
    {
        LabIngestOutcome outcome;
        try
        {
            var delivery = new LabDelivery(message.Body.ToMemory(), Format(message.ContentType), Channel, LabDelivery.System(Channel));
            outcome = await ingest.ExecuteAsync(delivery, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Storage trouble: let it come back; after MaxDeliveryCount Service Bus dead-letters it itself.
            LogAbandoned(logger, message.MessageId, message.DeliveryCount, exception.GetType().Name);
            await receiver!.AbandonMessageAsync(message, cancellationToken: CancellationToken.None);
            report.Abandoned++;
            return;
        }

        if (outcome.Accepted)
        {
            await receiver!.CompleteMessageAsync(message, CancellationToken.None);
            report.Completed++;
            return;
        }

        var refusal = outcome.Refusal!;
        var description = refusal.Location is null ? refusal.Message : $"{refusal.Location}: {refusal.Message}";
        await receiver!.DeadLetterMessageAsync(message, refusal.Reason.ToString(), Shorten(description, 1024), CancellationToken.None);
        report.DeadLettered++;
    }

    /// <summary>The format a sender declared in ContentType, or null to tell by the content.</summary>
    internal static LabReportFormat? Format(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "application/fhir+json" or "application/json" => LabReportFormat.FhirR4,
        "x-application/hl7-v2+er7" or "application/hl7-v2" or "application/hl7-v2+er7" => LabReportFormat.Hl7V2,
        _ => null,
    };

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..max];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lab message {MessageId} abandoned (delivery {DeliveryCount}) after {ExceptionType}; it will be retried.")]
    private static partial void LogAbandoned(ILogger logger, string messageId, int deliveryCount, string exceptionType);
}

/// <summary>What one drain run did.</summary>
public sealed class LabDrainReport
{
    /// <summary>Messages received.</summary>
    public int Received { get; set; }

    /// <summary>Stored and completed.</summary>
    public int Completed { get; set; }

    /// <summary>Refused for good: dead-lettered with the reason.</summary>
    public int DeadLettered { get; set; }

    /// <summary>Transient failures: abandoned for a later delivery.</summary>
    public int Abandoned { get; set; }
}
