using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Portal.Core.Common;
using Portal.Core.Notifications;
using Portal.Core.Notifications.Inbound;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Notifications;

/// <summary>
/// <c>POST /api/events/communication?secret=…</c>: the Event Grid webhook for Communication Services (Event Grid
/// schema). Answers the subscription handshake, then hands inbound texts and delivery reports to
/// <see cref="ReceiveCommunicationEvents"/>. Deliveries are authenticated by the shared secret Event Grid keeps in
/// the subscription's URL (<see cref="EventsSecrets"/>).
/// </summary>
[Description("Events from Azure Communication Services: texts patients send to the clinic's number (STOP, START, HELP …) and delivery reports.")]
public sealed class CommunicationEventsFunction(
    PortalHttp http, EventsSecrets secrets, ReceiveCommunicationEvents receive, IServiceProvider services, ILogger<CommunicationEventsFunction> logger)
{
    [Function("ReceiveCommunicationEvents")]
    [ApiOperation(
        "Event Grid deliveries from Communication Services (webhook).",
        Description = "Event Grid schema: a JSON array of events, at most 64 KiB. Authenticated by the shared secret in the `secret` query parameter (401 without it, the handshake included). With `aeg-event-type: SubscriptionValidation` the answer is `{\"validationResponse\": code}`. `Microsoft.Communication.SMSReceived` handles STOP/START/HELP and other replies; `Microsoft.Communication.SMSDeliveryReportReceived` records delivery. Each event id is handled once: a redelivery changes nothing and still answers 200.",
        Anonymous = true)]
    [ApiQuery("secret", typeof(string), "The shared secret set in the Event Grid subscription's URL.")]
    [ApiRequest(typeof(EventGridEventSchema[]))]
    [ApiResponse(200, typeof(CommunicationEventsAnswer), Description = "The handshake's answer, or what became of the events.")]
    [ApiProblems(400, 401)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "events/communication")] HttpRequest request, CancellationToken cancellationToken) =>
        http.GuardedAsync(request, async () =>
        {
            if (!secrets.Accepts(request.Query[EventsSecrets.QueryParameter].ToString()))
            {
                if (!secrets.IsConfigured)
                {
                    logger.LogWarning("A Communication Services event was refused: Communication:EventsSecret is not configured.");
                }

                return ApiResults.Problem(request, 401, "Unauthorized", "Send the webhook's shared secret in the `secret` query parameter.", ProblemTypes.Unauthorized);
            }

            var body = await http.ReadBodyAsync(request, cancellationToken);
            var events = body.Succeeded ? CommunicationEvents.Read(body.Value) : body.Failure;
            if (!events.Succeeded)
            {
                return ApiResults.Problem(request, events.Failure);
            }

            if (request.Headers["aeg-event-type"].ToString() == "SubscriptionValidation")
            {
                return events.Value is [ValidationRequested validation]
                    ? ApiResults.Json(new CommunicationEventsAnswer { ValidationResponse = validation.ValidationCode })
                    : ApiResults.Problem(request, Failure.Invalid("body", "A subscription validation carries exactly one validation event."));
            }

            var reports = services.GetService(typeof(IDeliveryReports)) as IDeliveryReports;
            var receipt = await receive.ExecuteAsync(events.Value, reports, cancellationToken);
            return ApiResults.Json(new CommunicationEventsAnswer { Handled = receipt.Handled, Duplicates = receipt.Duplicates, Ignored = receipt.Ignored });
        });
}
