using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Billing;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Billing;

/// <summary>Good-faith estimates for self-pay visits from the clinic's fee schedule.</summary>
public sealed class EstimateFunctions(PortalHttp http, GoodFaithEstimates estimates)
{
    [Function("ListEstimates")]
    [ApiOperation("Good-faith estimates for self-pay visit types: the services each usually includes and their total.",
        Description = "From the clinic's fee schedule (`Billing:FeeSchedule`), with the No Surprises Act notice. Any signed-in person; no patient data.")]
    [ApiResponse(200, typeof(EstimateList))]
    [ApiProblems]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "billing/estimates")] HttpRequest request) =>
        http.AuthenticatedAsync(request, caller =>
            Task.FromResult(ApiResults.From(request, estimates.List(caller), all => ApiResults.Json(new EstimateList(
                [.. all.Select(v => new EstimateView(v.VisitType, v.Name, [.. v.Lines.Select(l => new EstimateLineView(l.Code, l.Description, Amount.From(l.Amount)))], Amount.From(v.Total)))],
                GoodFaithEstimates.Notice)))));
}

/// <summary>The self-pay visit types and the patient's rights.</summary>
public sealed record EstimateList(IReadOnlyList<EstimateView> Items, [property: Description("The No Surprises Act notice.")] string Notice);

/// <summary>One visit type's estimate.</summary>
public sealed record EstimateView(string VisitType, string Name, IReadOnlyList<EstimateLineView> Lines, Amount Total);

/// <summary>One service of an estimate.</summary>
public sealed record EstimateLineView(string Code, string Description, Amount Amount);
