using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Portal.IntegrationTests.Record;

/// <summary>
/// Storage that stops at a chosen point of a write, as a crashed process would: every table transaction whose body
/// matches <see cref="FailWhen"/> fails with a 500 before it reaches Azurite.
/// </summary>
internal sealed class FailingStorage : HttpPipelinePolicy
{
    public Func<string, bool>? FailWhen { get; set; }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) => throw new NotSupportedException();

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (FailWhen is { } fail && message.Request.Content is { } content)
        {
            using var body = new MemoryStream();
            await content.WriteToAsync(body, message.CancellationToken);
            if (fail(System.Text.Encoding.UTF8.GetString(body.ToArray())))
            {
                throw new RequestFailedException(500, "The test stopped this write here.");
            }
        }

        await ProcessNextAsync(message, pipeline);
    }
}
