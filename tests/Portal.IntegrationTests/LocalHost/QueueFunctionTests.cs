using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Specialized;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Azure.Storage;
using Portal.IntegrationTests.LocalHost.TestFunctions;
using Portal.LocalHost;

namespace Portal.IntegrationTests.LocalHost;

/// <summary>Queue functions fed through Azurite with base64 messages, as the Functions queue trigger expects by default (this test host keeps it).</summary>
public sealed class QueueFunctionTests
{
    [Fact]
    public async Task Delivers_a_base64_message_as_a_string_and_deletes_it()
    {
        var (queue, log) = await QueueAsync("string");
        var text = $"hello {Guid.NewGuid()}";

        await queue.SendMessageAsync(text);

        await log.WaitForAsync("TestQueueString", 1, m => m == text);
        await WaitUntilEmptyAsync(queue);
    }

    [Fact]
    public async Task Deserializes_a_json_message_into_a_poco_with_web_defaults()
    {
        var (queue, log) = await QueueAsync("poco");
        var orderId = Guid.NewGuid().ToString();

        await queue.SendMessageAsync(JsonSerializer.Serialize(new { orderId, quantity = 3 }));

        await log.WaitForAsync("TestQueuePoco", 1, m => m == $"{orderId}:3");
    }

    [Fact]
    public async Task Binds_the_QueueMessage_itself()
    {
        var (queue, log) = await QueueAsync("message");
        var text = Guid.NewGuid().ToString();

        await queue.SendMessageAsync(text);

        await log.WaitForAsync("TestQueueMessage", 1, m => m == $"1:{text}");
    }

    [Fact]
    public async Task Moves_a_failing_message_to_the_poison_queue_after_max_dequeue_count_attempts()
    {
        var (queue, log) = await QueueAsync("poison");
        var maxDequeueCount = (await TestFunctionsPortal.GetAsync()).Services.GetRequiredService<HostJson>().Queues.MaxDequeueCount;
        var poison = queue.GetParentQueueServiceClient().GetQueueClient(queue.Name + "-poison");
        var text = $"poison {Guid.NewGuid()}";

        await queue.SendMessageAsync(text);

        await WaitForAsync(async () => (await poison.ExistsAsync()).Value
            && (await poison.PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString() == text));
        Assert.Equal(maxDequeueCount, log.Get("TestQueuePoison").Count(m => m == text));
        await WaitUntilEmptyAsync(queue);
    }

    [Fact]
    public async Task Moves_a_message_that_is_not_base64_to_the_poison_queue_without_running_the_function()
    {
        var (queue, log) = await QueueAsync("string");
        var poison = queue.GetParentQueueServiceClient().GetQueueClient(queue.Name + "-poison");
        var raw = new QueueClient((await TestAzurite.GetAsync()).ConnectionString, queue.Name); // no base64 encoding
        var text = $"not base64! {Guid.NewGuid()}";

        await raw.SendMessageAsync(text);

        await WaitForAsync(async () => (await poison.ExistsAsync()).Value
            && (await poison.PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString() == text));
        Assert.DoesNotContain(text, log.Get("TestQueueString"));
    }

    private static async Task<(QueueClient Queue, InvocationLog Log)> QueueAsync(string purpose)
    {
        var portal = await TestFunctionsPortal.GetAsync();
        var storage = StorageAccount.FromConfiguration(portal.Services.GetRequiredService<IConfiguration>(), "PortalStorage");
        var queue = storage.CreateQueueServiceClient(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).GetQueueClient(TestFunctionsPortal.Queue(purpose));
        await queue.CreateIfNotExistsAsync();
        return (queue, portal.Services.GetRequiredService<InvocationLog>());
    }

    /// <summary>Peek sees only visible messages, so "empty" also holds while one is being processed; the callers wait for processing first.</summary>
    private static Task WaitUntilEmptyAsync(QueueClient queue) =>
        WaitForAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0);

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 20 s.");
            await Task.Delay(50);
        }
    }
}
