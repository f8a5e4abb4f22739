using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Portal.IntegrationTests.Storage;

/// <summary>
/// Counts the storage requests each HTTP call makes: an Azure SDK pipeline policy on every storage client,
/// keyed by the <see cref="Header"/> the test puts on its HTTP request (a small middleware carries it into
/// the request's async flow, so parallel tests do not mix their counts).
/// </summary>
public sealed class StorageRequestCounter : HttpPipelinePolicy
{
    public const string Header = "X-Test-Call";

    private static readonly AsyncLocal<string?> CurrentCall = new();
    private readonly ConcurrentDictionary<string, int> counts = new();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count();
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count();
        return ProcessNextAsync(message, pipeline);
    }

    public int CountOf(string callId) => counts.GetValueOrDefault(callId);

    private void Count()
    {
        if (CurrentCall.Value is { Length: > 0 } call)
        {
            counts.AddOrUpdate(call, 1, (_, n) => n + 1);
        }
    }

    /// <summary>Puts the test's call id into the request's async flow before any function runs.</summary>
    internal sealed class Tagging : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                CurrentCall.Value = context.Request.Headers[Header].ToString();
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
