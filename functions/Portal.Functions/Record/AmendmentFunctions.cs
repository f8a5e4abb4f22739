using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Common;
using Portal.Core.Record.Amendments;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Record;

/// <summary>Requests to amend the record (HIPAA right to amend): filed by the patient's side, decided by the clinic.</summary>
[Description("The health record: documents, amendment requests and the patient's export.")]
public sealed class AmendmentFunctions(
    PortalHttp http, RequestAmendment file, ListAmendments list, ReadAmendment read, DecideAmendment decide, FileDisagreement disagree, ListOpenAmendments queue)
{
    [Function("RequestAmendment")]
    [ApiOperation(
        "Ask the clinic to amend the record.",
        Description = "For the patient and caregivers with `records.write`. Point at an item (`section` and `itemId`) or at the record in general (neither), say what is wrong and what it should say. The clinic answers within 60 days of receipt (`dueAt`), once extendable by 30 days with a reason. With an Idempotency-Key a retry answers with the same request; the same key with another body is 409.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(NewAmendmentRequest))]
    [ApiResponse(201, typeof(AmendmentRequest), Description = "Received.", Location = true, ETag = true)]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Request(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/amendments")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<NewAmendmentRequest>(request, cancellationToken, async (caller, body) =>
        {
            var key = request.Headers["Idempotency-Key"].ToString();
            var result = await file.ExecuteAsync(caller, patientId, body, key is "" ? null : key, cancellationToken);
            return ApiResults.From(request, result, received =>
            {
                request.HttpContext.Response.Headers.Location = $"/api/patients/{patientId}/amendments/{received.Value.RequestId}";
                request.HttpContext.Response.Headers.ETag = received.ETag;
                return ApiResults.Json(received.Value, StatusCodes.Status201Created);
            });
        });

    [Function("ListAmendments")]
    [ApiOperation(
        "The patient's amendment requests, newest first.",
        Description = "For the patient, caregivers with `records.read` (requests about confidential items are left out), clinicians and administrators. With `itemId`, the requests about that item: its denials and statements of disagreement go with it.")]
    [ApiQuery("itemId", typeof(string), "Only the requests about this item.")]
    [ApiQuery("pageSize", typeof(int), "1 to 100 (default 25).")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page.")]
    [ApiResponse(200, typeof(AmendmentPage))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/amendments")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.PagedAsync(request, async (caller, asked) =>
        {
            var itemId = request.Query["itemId"].ToString();
            var result = await list.ExecuteAsync(caller, patientId, itemId is "" ? null : itemId, asked.PageSize, asked.ContinuationToken, cancellationToken);
            return ApiResults.From(request, result, page => ApiResults.Json(new AmendmentPage(page.Items, page.ContinuationToken)));
        });

    [Function("ReadAmendment")]
    [ApiOperation(
        "One amendment request, with the item it is about as it stands now.",
        Description = "The ETag is the version to send in If-Match with a decision or a statement of disagreement. A denial carries its basis, the right to file a statement of disagreement and how, that the request and denial may go with future disclosures, and how to complain and to whom.")]
    [ApiResponse(200, typeof(AmendmentDetail), ETag = true)]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Read(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/amendments/{requestId}")] HttpRequest request,
        string patientId,
        string requestId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await read.ExecuteAsync(caller, patientId, requestId, cancellationToken), view =>
            {
                request.HttpContext.Response.Headers.ETag = view.Request.ETag;
                return ApiResults.Json(new AmendmentDetail(view.Request.Value, view.Item));
            }));

    [Function("ExtendAmendment")]
    [ApiOperation(
        "Put off the answer once, by 30 days, telling the patient why.",
        Description = "For clinicians and administrators, before the request is due. The patient gets a notice; the reason and the new date are on the request. 409 when it was decided or extended already, or is past due.",
        IfMatch = true)]
    [ApiRequest(typeof(AmendmentExtensionRequest))]
    [ApiResponse(200, typeof(AmendmentRequest), ETag = true)]
    [ApiProblems(400, 403, 404, 409, 412, 428)]
    public Task<IActionResult> Extend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/amendments/{requestId}/extend")] HttpRequest request,
        string patientId,
        string requestId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<AmendmentExtensionRequest>(request, cancellationToken, async (caller, body) =>
            Changed(request, await decide.ExtendAsync(caller, patientId, requestId, request.Headers.IfMatch.ToString(), body, cancellationToken)));

    [Function("AcceptAmendment")]
    [ApiOperation(
        "Accept a request, correcting the item it is about.",
        Description = "For clinicians and administrators. For an item: `correction` is the item's corrected content (its section's model) made from `itemVersion`; the item's earlier value stays in its history with this request as the reason (412 when the item changed since). For the record in general: say in `note` what was done. The patient gets a notice.",
        IfMatch = true)]
    [ApiRequest(typeof(AmendmentAcceptanceRequest))]
    [ApiResponse(200, typeof(AmendmentRequest), ETag = true)]
    [ApiProblems(400, 403, 404, 409, 412, 428)]
    public Task<IActionResult> Accept(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/amendments/{requestId}/accept")] HttpRequest request,
        string patientId,
        string requestId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<AmendmentAcceptanceRequest>(request, cancellationToken, async (caller, body) =>
            Changed(request, await decide.AcceptAsync(caller, patientId, requestId, request.Headers.IfMatch.ToString(), body, cancellationToken)));

    [Function("DenyAmendment")]
    [ApiOperation(
        "Deny a request on one of the rule's grounds.",
        Description = "For clinicians and administrators. The denial carries the basis given here and the clinic's texts on the right to disagree, future disclosures and complaints (configuration section `Amendments`). The patient gets a notice.",
        IfMatch = true)]
    [ApiRequest(typeof(AmendmentDenialRequest))]
    [ApiResponse(200, typeof(AmendmentRequest), ETag = true)]
    [ApiProblems(400, 403, 404, 409, 412, 428)]
    public Task<IActionResult> Deny(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/amendments/{requestId}/deny")] HttpRequest request,
        string patientId,
        string requestId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<AmendmentDenialRequest>(request, cancellationToken, async (caller, body) =>
            Changed(request, await decide.DenyAsync(caller, patientId, requestId, request.Headers.IfMatch.ToString(), body, cancellationToken)));

    [Function("FileDisagreement")]
    [ApiOperation(
        "File a statement of disagreement with a denial.",
        Description = "For the patient and caregivers with `records.write`, once per denied request; it is kept with the request and the item (at most 2,000 characters).",
        IfMatch = true)]
    [ApiRequest(typeof(DisagreementRequest))]
    [ApiResponse(200, typeof(AmendmentRequest), ETag = true)]
    [ApiProblems(400, 403, 404, 409, 412, 428)]
    public Task<IActionResult> Disagree(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/amendments/{requestId}/disagreement")] HttpRequest request,
        string patientId,
        string requestId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<DisagreementRequest>(request, cancellationToken, async (caller, body) =>
            Changed(request, await disagree.ExecuteAsync(caller, patientId, requestId, request.Headers.IfMatch.ToString(), body, cancellationToken)));

    [Function("ListOpenAmendments")]
    [ApiOperation(
        "Open amendment requests of every patient, oldest first, with their due dates.",
        Description = "For clinicians and administrators. The queue says whose request it is, which section it is about and how its deadline stands; open a request to read it.")]
    [ApiQuery("pageSize", typeof(int), "1 to 100 (default 25).")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page.")]
    [ApiResponse(200, typeof(AmendmentQueuePage))]
    [ApiProblems(400, 403)]
    public Task<IActionResult> Queue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "amendments")] HttpRequest request,
        CancellationToken cancellationToken) =>
        http.PagedAsync(request, async (caller, asked) =>
        {
            var result = await queue.ExecuteAsync(caller, asked.PageSize, asked.ContinuationToken, cancellationToken);
            return ApiResults.From(request, result, page => ApiResults.Json(new AmendmentQueuePage([.. page.Items.Select(QueuedAmendment.From)], page.ContinuationToken)));
        });

    private static IActionResult Changed(HttpRequest request, Result<Versioned<AmendmentRequest>> result) =>
        ApiResults.Versioned(request, result, changed => changed);
}
