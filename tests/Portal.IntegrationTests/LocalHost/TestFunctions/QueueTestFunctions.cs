using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

namespace Portal.IntegrationTests.LocalHost.TestFunctions;

/// <summary>Queue functions written as in Portal.Functions; queue names come from settings so each run has its own.</summary>
public sealed class QueueTestFunctions(InvocationLog log)
{
    [Function("TestQueueString")]
    public Task OnString([QueueTrigger("%Tests:StringQueue%", Connection = "PortalStorage")] string message, CancellationToken cancellationToken)
    {
        log.Record("TestQueueString", message);
        return Task.CompletedTask;
    }

    /// <summary>No Connection: AzureWebJobsStorage, as in Functions.</summary>
    [Function("TestQueuePoco")]
    public void OnPoco([QueueTrigger("%Tests:PocoQueue%")] TestOrder order) =>
        log.Record("TestQueuePoco", $"{order.OrderId}:{order.Quantity}");

    [Function("TestQueueMessage")]
    public void OnMessage([QueueTrigger("%Tests:MessageQueue%", Connection = "PortalStorage")] QueueMessage message) =>
        log.Record("TestQueueMessage", $"{message.DequeueCount}:{message.Body}");

    [Function("TestQueuePoison")]
    public void AlwaysFails([QueueTrigger("%Tests:PoisonQueue%", Connection = "PortalStorage")] string message)
    {
        log.Record("TestQueuePoison", message);
        throw new InvalidOperationException("Fails on purpose.");
    }
}

public sealed record TestOrder(string OrderId, int Quantity);
