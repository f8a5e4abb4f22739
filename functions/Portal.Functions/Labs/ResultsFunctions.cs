using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Labs.Results;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Labs;

/// <summary>Lab results for patients, caregivers with <c>results.read</c> and clinicians; holds and early release for clinicians.</summary>
[Description("Lab results: the list, one result with explanations, trends (JSON and an accessible SVG), holds and release.")]
public sealed class ResultsFunctions(
    PortalHttp http, ListResults list, ReadResult read, ResultTrends trends, ResultReleases releases, ResultHoldChoices choices, ReleaseDueResults due)
{
    [Function("ListResults")]
    [ApiOperation("The patient's lab results, newest first, with status, abnormal flags and whether the patient has read them.",
        Description = "The patient and caregivers with `results.read` see released results; clinicians see every result with its hold (who, why, until when).")]
    [ApiQuery("pageSize", typeof(int), "1 to 100 (default 25).")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page.")]
    [ApiResponse(200, typeof(ResultPage))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/results")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.PagedAsync(request, async (caller, asked) =>
        {
            var result = await list.ExecuteAsync(caller, patientId, asked.PageSize, asked.ContinuationToken, cancellationToken);
            return ApiResults.From(request, result, listed =>
                ApiResults.Json(new ResultPage([.. listed.Page.Items.Select(r => ResultSummary.From(r, listed.PatientSide))], listed.Page.ContinuationToken)));
        });

    [Function("ReadResult")]
    [ApiOperation("One lab result: every value with its unit, reference range and a plain-language explanation, the clinician's comment, the performing lab.",
        Description = "Explanations are in the patient's preferred language (English or Spanish). The patient's own first reading marks the result reviewed. A held result is 404 for the patient's side.")]
    [ApiResponse(200, typeof(ResultDetailResponse))]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Read(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/results/{resultId}")] HttpRequest request,
        string patientId,
        string resultId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await read.ExecuteAsync(caller, patientId, resultId, cancellationToken), detail => ApiResults.Json(ResultDetailResponse.From(detail))));

    [Function("ResultTrend")]
    [ApiOperation("One test over time (by LOINC code): values converted to the latest unit where UCUM allows, with reference ranges and flags.")]
    [ApiQuery("code", typeof(string), "The LOINC code, e.g. 4548-4.", Required = true)]
    [ApiResponse(200, typeof(Trend))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> Trend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/results/trends")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await trends.ExecuteAsync(caller, patientId, request.Query["code"].ToString(), cancellationToken), trend => ApiResults.Json(trend)));

    [Function("ResultTrendChart")]
    [ApiOperation("One test over time as a small accessible SVG chart.",
        Description = "With a title and a description listing every value for screen readers, labelled axes, the reference range shaded, and out-of-range points drawn as labelled diamonds.")]
    [ApiQuery("code", typeof(string), "The LOINC code, e.g. 4548-4.", Required = true)]
    [ApiResponse(200, typeof(string), ContentType = "image/svg+xml")]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> TrendChart(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/results/trends.svg")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await trends.ChartAsync(caller, patientId, request.Query["code"].ToString(), cancellationToken),
                svg => new ContentResult { StatusCode = StatusCodes.Status200OK, ContentType = "image/svg+xml", Content = svg }));

    [Function("HoldResult")]
    [ApiOperation("Hold one result under the preventing-harm exception, with a written reason and an end date (at most 30 days).",
        Description = "Clinicians only. The patient stops seeing it until the end date, when the timer releases it; the hold is audited and shown to staff.")]
    [ApiRequest(typeof(ResultHoldRequest))]
    [ApiResponse(200, typeof(ResultSummary))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> Hold(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/results/{resultId}/hold")] HttpRequest request,
        string patientId,
        string resultId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<ResultHoldRequest>(request, cancellationToken, async (caller, body) =>
            ApiResults.From(request, await releases.HoldAsync(caller, patientId, resultId, body.Reason, body.Until, cancellationToken), r => ApiResults.Json(ResultSummary.From(r, false))));

    [Function("ReleaseResult")]
    [ApiOperation("Release a result now, with an optional short comment the patient sees.",
        Description = "Clinicians only. Ends any hold; the patient gets a \"new test result\" notice (no test name, no value).")]
    [ApiRequest(typeof(ResultReleaseRequest))]
    [ApiResponse(200, typeof(ResultSummary))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> Release(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/results/{resultId}/release")] HttpRequest request,
        string patientId,
        string resultId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<ResultReleaseRequest>(request, cancellationToken, async (caller, body) =>
            ApiResults.From(request, await releases.ReleaseAsync(caller, patientId, resultId, body.Comment, cancellationToken), r => ApiResults.Json(ResultSummary.From(r, false))));

    [Function("GetResultHoldChoices")]
    [ApiOperation("The patient's own choices to hold some kinds of results until their clinician has reviewed them (at most 7 days).")]
    [ApiResponse(200, typeof(ResultHoldChoicesView), ETag = true)]
    [ApiProblems(403, 404)]
    public Task<IActionResult> GetChoices(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/results/hold-preferences")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.Versioned(request, await choices.GetAsync(caller, patientId, cancellationToken), ResultHoldChoicesView.From));

    [Function("ChangeResultHoldChoices")]
    [ApiOperation("Replace the patient's hold choices (the patient, or a caregiver with `results.write`); they apply to results that arrive afterwards.",
        IfMatch = true)]
    [ApiRequest(typeof(ResultHoldChoicesBody))]
    [ApiResponse(200, typeof(ResultHoldChoicesView), ETag = true)]
    [ApiProblems(400, 403, 404, 412, 428)]
    public Task<IActionResult> ChangeChoices(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "patients/{patientId}/results/hold-preferences")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<ResultHoldChoicesBody>(request, cancellationToken, async (caller, body) =>
            ApiResults.Versioned(request, await choices.ChangeAsync(caller, patientId, request.Headers.IfMatch.ToString(), body.Holds, cancellationToken), ResultHoldChoicesView.From));

    [Function("ReleaseDueLabResults")]
    public Task ReleaseDue([TimerTrigger("15 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        due.ExecuteAsync(cancellationToken);
}
