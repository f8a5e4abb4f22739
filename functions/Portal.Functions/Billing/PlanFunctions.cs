using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Billing;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Billing;

/// <summary>Payment plans: the balance in monthly instalments, with the schedule and missed instalments.</summary>
public sealed class PlanFunctions(PortalHttp http, PaymentPlans plans)
{
    [Function("GetPaymentPlan")]
    [ApiOperation("The payment plan: its schedule and each instalment's status (paid, upcoming, missed).",
        Description = "Readers as for the bill; the billing office sees missed instalments here and in the bill's `plan`. 404 when there is no plan.")]
    [ApiResponse(200, typeof(PlanView))]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/billing/plan")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await plans.GetAsync(caller, patientId, cancellationToken), progress => ApiResults.Json(PlanView.From(progress))));

    [Function("StartPaymentPlan")]
    [ApiOperation(
        "Pay the balance in monthly instalments.",
        Description = "For the patient and caregivers with `billing.write`. `instalments` within the clinic's range (2 to 6 by default); each must reach the minimum payment. The first is due with the statement (or in a month), the rest monthly. Payments made online or at the desk count toward it; cards are not charged automatically. 409 with nothing owed or a plan still running.")]
    [ApiRequest(typeof(PlanRequest))]
    [ApiResponse(201, typeof(PlanView), Description = "The plan and its schedule.")]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/billing/plan")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<PlanRequest>(request, cancellationToken, async (caller, body) =>
            ApiResults.From(request, await plans.StartAsync(caller, patientId, body.Instalments, cancellationToken),
                progress => ApiResults.Json(PlanView.From(progress), StatusCodes.Status201Created)));
}

/// <summary>How many monthly instalments.</summary>
public sealed record PlanRequest([property: Description("2 to 6 (the clinic's range).")] int Instalments);
