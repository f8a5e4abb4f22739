using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Prescriptions;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Prescriptions;

/// <summary>The clinic's work queues of prescriptions, and the daily refill-due sweep.</summary>
[Description("Prescriptions: current medications, refill requests, patient-reported medications and allergies.")]
public sealed class RefillQueueFunctions(PortalHttp http, RefillQueue queue, DecideRefillBatch batch, ReconciliationQueue reconciliation, SweepRefillsDue sweep)
{
    [Function("RefillQueue")]
    [ApiOperation(
        "Open refill requests of every patient, oldest first, with their waiting time against the clinic's target.",
        Description = "For clinicians, who decide them, and the front desk, who see but do not decide. The target is the clinic's setting in business days (its working days less its holidays, in its time zone): `dueAt`, `businessDaysWaiting`, `overdue`. The queue names no drug; open a request to read it.")]
    [ApiQuery("pageSize", typeof(int), "1 to 100 (default 25).")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page.")]
    [ApiResponse(200, typeof(RefillQueuePage))]
    [ApiProblems(400, 403)]
    public Task<IActionResult> Queue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "refill-queue")] HttpRequest request,
        CancellationToken cancellationToken) =>
        http.PagedAsync(request, async (caller, asked) =>
        {
            var result = await queue.ExecuteAsync(caller, asked.PageSize, asked.ContinuationToken, cancellationToken);
            return ApiResults.From(request, result, page => ApiResults.Json(new RefillQueuePage([.. page.Items.Select(QueuedRefill.From)], page.ContinuationToken)));
        });

    [Function("DecideRefillBatch")]
    [ApiOperation(
        "Decide several refill requests at once.",
        Description = "For clinicians. Up to 25 decisions (`review`, `approve`, `deny`, `needsVisit`), each under the ETag its request was read with, taken and audited one by one exactly as the single decision; each result carries the status the single decision would have answered (200, 400, 403, 404, 409, 412) and, when taken, the request and its new ETag.")]
    [ApiRequest(typeof(RefillBatch))]
    [ApiResponse(200, typeof(RefillBatchResults))]
    [ApiProblems(400, 403)]
    public Task<IActionResult> Batch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "refill-queue/decisions")] HttpRequest request,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<RefillBatch>(request, cancellationToken, async (caller, body) =>
            ApiResults.From(request, await batch.ExecuteAsync(caller, body, cancellationToken), results => ApiResults.Json(new RefillBatchResults(results))));

    [Function("ReconciliationQueue")]
    [ApiOperation(
        "Medications and allergies patients reported, awaiting a clinician's reconciliation, oldest first.",
        Description = "For clinicians. The queue says whose report it is and which section; open the patient's reported items to read it.")]
    [ApiQuery("pageSize", typeof(int), "1 to 100 (default 25).")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page.")]
    [ApiResponse(200, typeof(ReconciliationQueuePage))]
    [ApiProblems(400, 403)]
    public Task<IActionResult> Reconciliation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reconciliation-queue")] HttpRequest request,
        CancellationToken cancellationToken) =>
        http.PagedAsync(request, async (caller, asked) =>
        {
            var result = await reconciliation.ExecuteAsync(caller, asked.PageSize, asked.ContinuationToken, cancellationToken);
            return ApiResults.From(request, result, page => ApiResults.Json(new ReconciliationQueuePage(
                [.. page.Items.Select(e => new QueuedReport(e.PatientId, e.ReportId, e.Section, e.ReportedAt))], page.ContinuationToken)));
        });

    /// <summary>Daily, at 14:00 UTC (morning in the Americas); the notices then wait out each patient's quiet hours.</summary>
    [Function("SweepRefillsDue")]
    public Task Sweep([TimerTrigger("0 0 14 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        sweep.ExecuteAsync(cancellationToken);
}
