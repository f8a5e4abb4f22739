using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Azure.Billing;
using Portal.Core.Common;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Billing;

/// <summary>
/// <c>POST /api/dev/payments/{sessionId}/complete</c>: "pays" a development checkout by sending the signed
/// <c>checkout.session.completed</c> event through the real webhook. 404 outside Development (or with Stripe configured).
/// </summary>
public sealed class DevPaymentsFunction(PortalHttp http, IHostEnvironment environment, IServiceProvider services)
{
    [Function("CompleteDevPayment")]
    [ApiOperation(
        "Pay a development checkout (Development environment only).",
        Description = "The development payment provider's checkout URL. Sends a `checkout.session.completed` event, signed with the webhook secret exactly as Stripe signs it, to `POST /api/billing/webhooks/stripe`, and answers with what the webhook answered. Completing twice sends the same event again (a redelivery). 404 outside Development.",
        Anonymous = true,
        NoRequestBody = true)]
    [ApiResponse(200, typeof(DevPaymentCompleted))]
    [ApiProblems(404)]
    public Task<IActionResult> Complete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "dev/payments/{sessionId}/complete")] HttpRequest request,
        string sessionId,
        CancellationToken cancellationToken) =>
        http.GuardedAsync(request, async () =>
        {
            if (!environment.IsDevelopment() || services.GetService<DevelopmentPayments>() is not { } payments)
            {
                return ApiResults.Problem(request, Failure.NotFound("The development payment endpoint"));
            }

            var (status, answer) = await payments.CompleteAsync(sessionId, cancellationToken);
            return status == 404
                ? ApiResults.Problem(request, Failure.NotFound("The checkout"))
                : ApiResults.Json(new DevPaymentCompleted(status, answer));
        });
}

/// <summary>What the portal's webhook answered to the development event.</summary>
/// <param name="WebhookStatus">Its HTTP status.</param>
/// <param name="WebhookAnswer">Its body.</param>
public sealed record DevPaymentCompleted(int WebhookStatus, string WebhookAnswer);
