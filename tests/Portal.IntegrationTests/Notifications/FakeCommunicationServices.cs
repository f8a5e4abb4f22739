using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Portal.Azure.Notifications;

namespace Portal.IntegrationTests.Notifications;

/// <summary>
/// A stand-in for Communication Services' SMS and e-mail endpoints on loopback, for the adapters' HTTP behaviour:
/// it checks each request's HMAC signature, answers per its script, and records what it received.
/// </summary>
internal sealed class FakeCommunicationServices : IAsyncDisposable
{
    public const string AccessKey = "cG9ydGFsLXRlc3QtYWNjZXNzLWtleS0wMTIzNDU2Nzg5";

    private readonly WebApplication app;

    private FakeCommunicationServices(WebApplication app) => this.app = app;

    /// <summary>Every request as received: path, headers of interest, body.</summary>
    public ConcurrentQueue<(string Path, string? RepeatabilityId, string? OperationId, JsonNode Body)> Requests { get; } = new();

    /// <summary>How many of the next SMS requests are answered 429 with <c>Retry-After: 0</c>.</summary>
    public int ThrottleNext { get; set; }

    public string ConnectionString =>
        $"endpoint={app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()}/;accesskey={AccessKey}";

    public static async Task<FakeCommunicationServices> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeCommunicationServices(app);
        app.MapPost("/sms", fake.SmsAsync);
        app.MapPost("/emails:send", fake.EmailAsync);
        await app.StartAsync();
        return fake;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task<IResult> SmsAsync(HttpRequest request)
    {
        var body = await ReadSignedAsync(request);
        if (body is null)
        {
            return Results.Json(new { error = new { code = "Denied", message = "Signature mismatch." } }, statusCode: 401);
        }

        var recipient = body["smsRecipients"]![0]!;
        Requests.Enqueue(("/sms", recipient["repeatabilityRequestId"]?.GetValue<string>(), null, body));
        if (ThrottleNext > 0)
        {
            ThrottleNext--;
            request.HttpContext.Response.Headers.RetryAfter = "0";
            return Results.StatusCode(429);
        }

        var to = recipient["to"]!.GetValue<string>();
        object result = to == "+15555550199"
            ? new { to, httpStatusCode = 400, successful = false, errorMessage = $"Invalid To phone number format {to}." }
            : new { to, messageId = $"sms-{recipient["repeatabilityRequestId"]}", httpStatusCode = 202, repeatabilityResult = "accepted", successful = true };
        return Results.Json(new { value = new[] { result } }, statusCode: 202);
    }

    private async Task<IResult> EmailAsync(HttpRequest request)
    {
        var body = await ReadSignedAsync(request);
        if (body is null)
        {
            return Results.Json(new { error = new { code = "Denied", message = "Signature mismatch." } }, statusCode: 401);
        }

        var operationId = request.Headers["Operation-Id"].ToString();
        Requests.Enqueue(("/emails:send", null, operationId, body));
        return Results.Json(new { id = operationId, status = "Running" }, statusCode: 202);
    }

    /// <summary>The JSON body when the request is signed as the service requires; null otherwise.</summary>
    private static async Task<JsonNode?> ReadSignedAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var uri = new Uri($"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}");
        var date = DateTimeOffset.Parse(request.Headers["x-ms-date"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var expected = AcsRequestSigner.Sign(request.Method, uri, buffer.ToArray(), date, AccessKey);
        return request.Headers.Authorization == expected.Authorization && request.Headers["x-ms-content-sha256"] == expected.ContentHash
            ? JsonNode.Parse(buffer.ToArray())
            : null;
    }
}
