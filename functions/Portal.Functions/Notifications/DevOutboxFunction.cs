using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Azure.Notifications;
using Portal.Core.Common;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Notifications;

/// <summary>
/// <c>GET /api/dev/outbox</c>: the SMS and e-mail the portal "sent" in Development, newest first, exactly as a
/// patient would receive them. It answers 404 unless the development outbox is the configured sender.
/// </summary>
[Description("SMS and e-mail notices to patients; in Development, the outbox that shows what they would receive.")]
public sealed class DevOutboxFunction(PortalHttp http, IServiceProvider services)
{
    private const int DefaultLimit = 50, MaxLimit = 200;

    [Function("ListDevOutbox")]
    [ApiOperation("What the portal sent by SMS and e-mail in Development, newest first", Anonymous = true,
        Description = "Only in the Development environment without Communication Services configured; 404 elsewhere.")]
    [ApiQuery("limit", typeof(int), "How many messages, 1 to 200 (default 50).")]
    [ApiResponse(200, typeof(DevOutboxPage))]
    [ApiProblems(400, 404)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dev/outbox")] HttpRequest request, CancellationToken cancellationToken) =>
        http.GuardedAsync(request, async () =>
        {
            if (services.GetService(typeof(DevelopmentOutbox)) is not DevelopmentOutbox outbox)
            {
                return ApiResults.Problem(request, Failure.NotFound("The development outbox"));
            }

            var limitText = request.Query["limit"].ToString();
            if (!int.TryParse(limitText is "" ? $"{DefaultLimit}" : limitText, out var limit) || limit is < 1 or > MaxLimit)
            {
                return ApiResults.Problem(request, Failure.Invalid("limit", $"A whole number from 1 to {MaxLimit}."));
            }

            return ApiResults.Json(new DevOutboxPage(await outbox.ListAsync(limit, cancellationToken)));
        });
}

/// <summary>The development outbox, newest first.</summary>
public sealed record DevOutboxPage(IReadOnlyList<OutboxMessage> Items);
