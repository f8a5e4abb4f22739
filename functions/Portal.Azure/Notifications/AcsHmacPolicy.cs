using Azure.Core;
using Azure.Core.Pipeline;

namespace Portal.Azure.Notifications;

/// <summary>Signs every attempt (retries too: the date is part of the signature) with the access key.</summary>
internal sealed class AcsHmacPolicy(string accessKey, TimeProvider clock) : HttpPipelinePolicy
{
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        SignAsync(message, async: false).AsTask().GetAwaiter().GetResult();
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await SignAsync(message, async: true);
        await ProcessNextAsync(message, pipeline);
    }

    private async ValueTask SignAsync(HttpMessage message, bool async)
    {
        using var body = new MemoryStream();
        if (message.Request.Content is { } content)
        {
            if (async)
            {
                await content.WriteToAsync(body, message.CancellationToken);
            }
            else
            {
                content.WriteTo(body, message.CancellationToken);
            }
        }

        var signature = AcsRequestSigner.Sign(message.Request.Method.Method, message.Request.Uri.ToUri(), body.GetBuffer().AsSpan(0, (int)body.Length), clock.GetUtcNow(), accessKey);
        message.Request.Headers.SetValue("x-ms-date", signature.Date);
        message.Request.Headers.SetValue("x-ms-content-sha256", signature.ContentHash);
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, signature.Authorization);
    }
}
