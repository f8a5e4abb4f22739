using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Azure.Storage.Queues.Specialized;
using Portal.Azure.Storage;
using Portal.LocalHost.Catalog;

namespace Portal.LocalHost.Queues;

/// <summary>
/// Polls the queue of each queue function with the Functions host's semantics: receive up to batchSize
/// messages, run them concurrently, delete on success; on failure make the message visible again after
/// visibilityTimeout, or move it to <c>{queue}-poison</c> once it has been dequeued maxDequeueCount times.
/// Empty polls back off exponentially up to maxPollingInterval, capped locally by <c>LocalHost:MaxQueuePollingInterval</c>.
/// </summary>
internal sealed partial class QueueFunctionListener : BackgroundService
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    // Long enough for any local run; the Functions host renews it instead, which we do not need here.
    private static readonly TimeSpan InvocationVisibility = TimeSpan.FromMinutes(10);

    private readonly IReadOnlyList<(QueueFunction Function, string QueueName)> queues;
    private readonly IConfiguration configuration;
    private readonly HostJson.QueueSettings settings;
    private readonly TimeSpan maxPollingInterval;
    private readonly FunctionInvoker invoker;
    private readonly IServiceScopeFactory scopes;
    private readonly ILogger<QueueFunctionListener> logger;

    /// <summary>Resolves and validates every queue name here, so a bad one stops the host at startup.</summary>
    public QueueFunctionListener(FunctionCatalog catalog, HostJson hostJson, IConfiguration configuration, FunctionInvoker invoker, IServiceScopeFactory scopes, ILogger<QueueFunctionListener> logger)
    {
        queues = catalog.Queues.Select(f => (f, ResolveQueueName(f, configuration))).ToArray();
        this.configuration = configuration;
        settings = hostJson.Queues;
        var localCap = configuration.GetValue("LocalHost:MaxQueuePollingInterval", TimeSpan.FromSeconds(2));
        maxPollingInterval = settings.MaxPollingInterval < localCap ? settings.MaxPollingInterval : localCap;
        this.invoker = invoker;
        this.scopes = scopes;
        this.logger = logger;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(queues.Select(q => ListenAsync(q.Function, q.QueueName, stoppingToken)));

    private static string ResolveQueueName(QueueFunction function, IConfiguration configuration)
    {
        // The Functions host lower-cases queue names too.
        var name = AppSettingExpression.Resolve(function.QueueName, configuration).ToLowerInvariant();
        return ValidQueueName().IsMatch(name) && !name.Contains("--", StringComparison.Ordinal)
            ? name
            : throw new InvalidOperationException($"Queue function '{function.Name}': '{name}' is not a valid queue name (3-63 lower-case letters, digits and single hyphens).");
    }

    private async Task ListenAsync(QueueFunction function, string queueName, CancellationToken stoppingToken)
    {
        await Task.Yield(); // polling must not hold up the host's startup
        try
        {
            var options = new QueueClientOptions { MessageEncoding = settings.MessageEncoding };
            options.MessageDecodingFailed += args => MoveUndecodableToPoisonAsync(function, args); // base64 only
            var service = StorageAccount.FromConfiguration(configuration, function.Connection ?? "AzureWebJobsStorage").CreateQueueServiceClient(options);
            var queue = service.GetQueueClient(queueName);
            var delay = MinPollingInterval;
            var created = false;
            while (true)
            {
                QueueMessage[] messages = [];
                try
                {
                    if (!created)
                    {
                        await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                        created = true;
                    }

                    messages = (await queue.ReceiveMessagesAsync(settings.BatchSize, InvocationVisibility, stoppingToken)).Value;
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Polling queue '{Queue}' for function '{Function}' failed; retrying.", queueName, function.Name);
                }

                if (messages.Length == 0)
                {
                    await Task.Delay(delay, stoppingToken);
                    delay = delay * 2 < maxPollingInterval ? delay * 2 : maxPollingInterval;
                    continue;
                }

                delay = MinPollingInterval;
                await Task.WhenAll(messages.Select(m => ProcessAsync(function, queue, m, stoppingToken)));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ProcessAsync(QueueFunction function, QueueClient queue, QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            // Dequeued too often without completing (e.g. the host stopped mid-run): poison without running it again.
            if (message.DequeueCount > settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(function, queue, message, $"it has been dequeued more than MaxDequeueCount ({settings.MaxDequeueCount}) times");
                return;
            }

            if (await TryInvokeAsync(function, queue.Name, message, stoppingToken))
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            }
            else if (stoppingToken.IsCancellationRequested)
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
            }
            else if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(function, queue, message, $"it has reached MaxDequeueCount ({settings.MaxDequeueCount})");
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage trouble: the message becomes visible again when its invocation visibility expires.
            logger.LogWarning(e, "Completing message {MessageId} of queue '{Queue}' failed.", message.MessageId, queue.Name);
        }
    }

    private async Task<bool> TryInvokeAsync(QueueFunction function, string queueName, QueueMessage message, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await invoker.InvokeAsync(function, scope.ServiceProvider, $"New queue message detected on '{queueName}'", parameter =>
                parameter.ParameterType == typeof(CancellationToken) ? stoppingToken : QueueMessageBinder.Bind(message, function.MessageType));
            return true;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Queue function '{Function}' failed on message {MessageId} (dequeue count {DequeueCount} of {MaxDequeueCount}).", function.Name, message.MessageId, message.DequeueCount, settings.MaxDequeueCount);
            return false;
        }
    }

    /// <summary>With base64 encoding, a message that is not base64 never reaches the function; the Functions host poisons it at once too.</summary>
    private Task MoveUndecodableToPoisonAsync(QueueFunction function, QueueMessageDecodingFailedEventArgs args) =>
        args.ReceivedMessage is { } message
            ? MoveToPoisonAsync(function, args.Queue, message, "it is not base64 encoded")
            : Task.CompletedTask;

    private async Task MoveToPoisonAsync(QueueFunction function, QueueClient queue, QueueMessage message, string reason)
    {
        var poison = queue.GetParentQueueServiceClient().GetQueueClient(queue.Name + "-poison");
        logger.LogWarning("Moving message {MessageId} of queue '{Queue}' to '{PoisonQueue}' (function '{Function}'): {Reason}.", message.MessageId, queue.Name, poison.Name, function.Name, reason);
        await poison.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ValidQueueName();
}
