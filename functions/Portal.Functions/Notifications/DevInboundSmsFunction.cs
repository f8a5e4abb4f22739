using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;
using Portal.Core.Common;
using Portal.Core.Notifications.Inbound;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Notifications;

/// <summary>
/// <c>POST /api/dev/sms/inbound</c>: a developer "texts" the clinic (STOP, START, HELP …) through the same use case
/// the Event Grid webhook calls; answers land in the development outbox. 404 outside Development.
/// </summary>
public sealed class DevInboundSmsFunction(PortalHttp http, IHostEnvironment environment, ReceiveText receiveText, TimeProvider clock)
{
    [Function("SendDevInboundSms")]
    [ApiOperation(
        "Text the clinic as a patient would (Development environment only).",
        Description = "Runs the inbound-text use case for `{from, message}` as if Communication Services had relayed it: STOP/START change the number's opt-out, HELP and other texts are answered into the development outbox (`GET /api/dev/outbox`). 404 outside Development.",
        Anonymous = true)]
    [ApiRequest(typeof(DevInboundSms))]
    [ApiResponse(200, typeof(DevInboundSmsResult), Description = "What the portal did with the text.")]
    [ApiProblems(400, 404)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dev/sms/inbound")] HttpRequest request, CancellationToken cancellationToken) =>
        http.GuardedAsync(request, async () =>
        {
            if (!environment.IsDevelopment())
            {
                return ApiResults.Problem(request, Failure.NotFound("The development inbound text endpoint"));
            }

            var body = await http.ReadJsonAsync<DevInboundSms>(request, cancellationToken);
            if (!body.Succeeded)
            {
                return ApiResults.Problem(request, body.Failure);
            }

            var from = PhoneNumbers.ToE164(body.Value.From);
            var errors = new FieldErrors();
            errors.Require(from is not null, "from", "An international phone number such as +13125550100.");
            errors.Require(body.Value.Message is { Length: <= 2048 }, "message", "Up to 2,048 characters.");
            if (errors.ToFailure() is { } invalid)
            {
                return ApiResults.Problem(request, invalid);
            }

            var messageId = $"dev-{Guid.NewGuid():N}";
            var outcome = await receiveText.ExecuteAsync(new InboundText(messageId, from!, body.Value.Message!, clock.GetUtcNow()), cancellationToken);
            return ApiResults.Json(new DevInboundSmsResult(messageId, from!, outcome));
        });
}

/// <summary>A text as a patient would send it.</summary>
/// <param name="From">The sender's number (E.164; the <c>+</c> may be left out).</param>
/// <param name="Message">What they wrote.</param>
public sealed record DevInboundSms(string? From, string? Message);

/// <summary>What the portal did with the development text.</summary>
/// <param name="MessageId">The id given to the text; its answer's delivery key derives from it.</param>
/// <param name="From">The sender in E.164 form.</param>
/// <param name="Outcome">Opted out or in, answered, handled by a feature, or not answered.</param>
public sealed record DevInboundSmsResult(string MessageId, string From, InboundTextOutcome Outcome);
