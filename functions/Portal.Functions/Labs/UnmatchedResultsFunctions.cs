using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Labs.Ingestion;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Labs;

/// <summary>The unmatched-results work queue: results a lab sent that could not be attached to a chart with confidence.</summary>
[Description("Lab results waiting for a clinician or administrator to match them to a patient or reject them.")]
public sealed class UnmatchedResultsFunctions(PortalHttp http, ListUnmatchedResults list, ResolveUnmatchedResult resolve)
{
    [Function("ListUnmatchedLabResults")]
    [ApiOperation("The open entries of the unmatched lab results work queue, newest first.",
        Description = "For Clinician and Admin. Each entry shows the patient as the lab identified them, why they were not matched, and the tests.")]
    [ApiQuery("pageSize", typeof(int), "1 to 100 (default 25).")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page.")]
    [ApiResponse(200, typeof(UnmatchedResultPage))]
    [ApiProblems(400, 403)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "labs/unmatched")] HttpRequest request,
        CancellationToken cancellationToken) =>
        http.PagedAsync(request, async (caller, asked) =>
        {
            var result = await list.ExecuteAsync(caller, asked.PageSize, asked.ContinuationToken, cancellationToken);
            return ApiResults.From(request, result, page => ApiResults.Json(new UnmatchedResultPage(page.Items, page.ContinuationToken)));
        });

    [Function("MatchUnmatchedLabResult")]
    [ApiOperation("Match an entry to a patient: its results are stored in that chart (and the patient told, unless held).",
        Description = "For Clinician and Admin. Read the patient's MRN, name and birth date in the entry and find the chart first. 409 when someone resolved it already.")]
    [ApiRequest(typeof(UnmatchedMatch))]
    [ApiResponse(200, typeof(UnmatchedResult))]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Match(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "labs/unmatched/{unmatchedId}/match")] HttpRequest request,
        string unmatchedId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<UnmatchedMatch>(request, cancellationToken, async (caller, body) =>
            ApiResults.From(request, await resolve.MatchAsync(caller, unmatchedId, body.PatientId, cancellationToken), entry => ApiResults.Json(entry)));

    [Function("RejectUnmatchedLabResult")]
    [ApiOperation("Reject an entry with a reason (not the clinic's patient, a test message …).", Description = "For Clinician and Admin. The original stays archived.")]
    [ApiRequest(typeof(UnmatchedRejection))]
    [ApiResponse(200, typeof(UnmatchedResult))]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Reject(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "labs/unmatched/{unmatchedId}/reject")] HttpRequest request,
        string unmatchedId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<UnmatchedRejection>(request, cancellationToken, async (caller, body) =>
            ApiResults.From(request, await resolve.RejectAsync(caller, unmatchedId, body.Reason, cancellationToken), entry => ApiResults.Json(entry)));
}

/// <summary>A page of the work queue.</summary>
/// <param name="Items">Open entries, newest first.</param>
/// <param name="ContinuationToken">The next page's token, or null.</param>
public sealed record UnmatchedResultPage(IReadOnlyList<UnmatchedResult> Items, string? ContinuationToken);

/// <summary>The patient an unmatched entry belongs to.</summary>
/// <param name="PatientId">The chart's patient id.</param>
public sealed record UnmatchedMatch(string PatientId);

/// <summary>Why an unmatched entry is rejected.</summary>
/// <param name="Reason">1 to 500 characters.</param>
public sealed record UnmatchedRejection(string Reason);
