using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using Portal.IntegrationTests.Api;
using static Portal.IntegrationTests.Labs.LabMessages;

namespace Portal.IntegrationTests.Labs;

/// <summary>Labs that push to the <c>lab-results</c> Storage queue (with an add-only SAS in Azure): the same ingestion.</summary>
public class LabQueueTests
{
    private static async Task<QueueClient> QueueAsync(string name, QueueMessageEncoding encoding = QueueMessageEncoding.None) =>
        new((await TestAzurite.GetAsync()).ConnectionString, name, new QueueClientOptions { MessageEncoding = encoding });

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe)
        where T : class
    {
        for (var i = 0; i < 200; i++)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new Xunit.Sdk.XunitException("The queue function did not get there in 10 s.");
    }

    [Fact]
    public async Task A_message_on_the_storage_queue_lands_in_the_chart_once_even_when_sent_twice_as_plain_text_and_as_base64()
    {
        var api = await PortalApi.CreateAsync();
        var (patientId, _, lab) = await LabIngestionTests.PatientAsync(api);
        var portal = await TestPortal.GetAsync();
        var queue = await QueueAsync("lab-results");
        var base64 = await QueueAsync("lab-results", QueueMessageEncoding.Base64);
        var message = Oru(NewControlId(), (lab, [HbA1c("Q-" + NewControlId(), "6.9", "H")]));

        await queue.SendMessageAsync(message); // the Azure SDK's default: the text as it is
        await base64.SendMessageAsync(message); // the Functions tooling's habit

        var results = await EventuallyAsync(async () => await Stored.ResultsAsync(portal, patientId) is { Count: > 0 } r ? r : null);
        await EventuallyAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0 ? results : null);
        Assert.Single(await Stored.ResultsAsync(portal, patientId));
        Assert.Single(await Stored.NoticesAsync(portal, patientId));
    }

    [Fact]
    public async Task A_message_that_can_never_be_stored_goes_to_the_poison_queue_with_its_reason()
    {
        var queue = await QueueAsync("lab-results");
        var poison = await QueueAsync("lab-results-poison");
        var controlId = NewControlId();
        await TestPortal.GetAsync();

        await queue.SendMessageAsync($"MSH|^~\\&|A|B|C|D|20250301||ADT^A01|{controlId}|P|2.5.1\rPID|1||1^^^X^MR||Doe^J||19800101|F\r");

        var rejection = await EventuallyAsync(async () =>
        {
            foreach (var peeked in (await poison.PeekMessagesAsync(32)).Value)
            {
                if (JsonNode.Parse(peeked.Body.ToString()) is JsonObject json && json["messageControlId"]?.GetValue<string>() == controlId)
                {
                    return json;
                }
            }

            return null;
        });
        Assert.Equal(("unsupportedMessageType", "storage-queue"), (rejection["reason"]!.GetValue<string>(), rejection["channel"]!.GetValue<string>()));
        Assert.Contains("ADT^A01", rejection["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
