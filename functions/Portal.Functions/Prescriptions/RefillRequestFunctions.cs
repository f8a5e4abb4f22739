using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Common;
using Portal.Core.Prescriptions;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Prescriptions;

/// <summary>The patient's medications and refill requests, followed from the request to the pharmacy.</summary>
[Description("Prescriptions: current medications, refill requests, patient-reported medications and allergies.")]
public sealed class RefillRequestFunctions(
    PortalHttp http, ListMedications medications, ListPharmacies pharmacies, RequestRefill file, ListRefillRequests list, ReadRefillRequest read,
    CancelRefillRequest cancel, DecideRefill decide)
{
    [Function("ListMedications")]
    [ApiOperation(
        "The patient's medications, with refill facts and whether each can be refilled here.",
        Description = "For the patient, caregivers with `prescriptions.read` (confidential medications left out) and clinicians. Each medication has its dose instructions, prescriber, start, refills remaining, last fill and an estimated run-out date (last fill, else start, plus the days supply). `refill.canRequest` says whether a refill request may name it; if not, `refill.reason`, `explanation` and `whatToDo` say why (ended, paused, controlled substance, no refills left, a request already open) and what to do instead. Medications the patient reported and no clinician reviewed yet come last, with `reported`.")]
    [ApiQuery("status", typeof(string), "`active` (default) or `all`.")]
    [ApiResponse(200, typeof(MedicationList))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> Medications(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/medications")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await medications.ExecuteAsync(caller, patientId, request.Query["status"].ToString(), cancellationToken), found => ApiResults.Json(new MedicationList(found))));

    [Function("ListPharmacies")]
    [ApiOperation(
        "The pharmacies the patient has used for refill requests.",
        Description = "For the patient, caregivers with `prescriptions.read` and clinicians: choose one by `pharmacyId` in the next request. A new pharmacy given in a request joins the list.")]
    [ApiResponse(200, typeof(PharmacyList))]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Pharmacies(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/pharmacies")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await pharmacies.ExecuteAsync(caller, patientId, cancellationToken), found => ApiResults.Json(new PharmacyList(found))));

    [Function("RequestRefill")]
    [ApiOperation(
        "Ask for refills of one or more active medications at a pharmacy.",
        Description = "For the patient and caregivers with `prescriptions.write`. Name one to 10 medications that can be refilled (see the medications list) and a pharmacy: `pharmacyId` from the patient's list, or a new `pharmacy` (name, address, phone, optional NCPDP id). One open request per medication: a second is 409 whose `errors` point at the open request. Controlled substances, ended or paused medications and prescriptions without refills are refused (400) with what to do instead. The clinic aims to answer within its target (`dueAt`, business days in the clinic's zone). With an Idempotency-Key a retry answers with the same request.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(NewRefillRequest))]
    [ApiResponse(201, typeof(RefillRequest), Description = "Received.", Location = true, ETag = true)]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Request(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/refill-requests")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<NewRefillRequest>(request, cancellationToken, async (caller, body) =>
        {
            var key = request.Headers["Idempotency-Key"].ToString();
            var result = await file.ExecuteAsync(caller, patientId, body, key is "" ? null : key, cancellationToken);
            return ApiResults.From(request, result, received =>
            {
                request.HttpContext.Response.Headers.Location = $"/api/patients/{patientId}/refill-requests/{received.Value.RequestId}";
                request.HttpContext.Response.Headers.ETag = received.ETag;
                return ApiResults.Json(received.Value, StatusCodes.Status201Created);
            });
        });

    [Function("ListRefillRequests")]
    [ApiOperation(
        "The patient's refill requests, newest first, each with its status history.",
        Description = "For the patient, caregivers with `prescriptions.read` (requests for confidential medications left out) and clinicians.")]
    [ApiQuery("pageSize", typeof(int), "1 to 100 (default 25).")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page.")]
    [ApiResponse(200, typeof(RefillRequestPage))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/refill-requests")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.PagedAsync(request, async (caller, asked) =>
        {
            var result = await list.ExecuteAsync(caller, patientId, asked.PageSize, asked.ContinuationToken, cancellationToken);
            return ApiResults.From(request, result, page => ApiResults.Json(new RefillRequestPage(page.Items, page.ContinuationToken)));
        });

    [Function("ReadRefillRequest")]
    [ApiOperation(
        "One refill request with its status history.",
        Description = "requested → in review → approved (sent to the pharmacy) / denied (with the reason) / needs a visit (with the link to book the visit type staff chose); cancelled while requested. The ETag is the version to send in If-Match with a decision or a cancellation.")]
    [ApiResponse(200, typeof(RefillRequest), ETag = true)]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Read(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/refill-requests/{requestId}")] HttpRequest request,
        string patientId,
        string requestId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            Changed(request, await read.ExecuteAsync(caller, patientId, requestId, cancellationToken)));

    [Function("CancelRefillRequest")]
    [ApiOperation(
        "Cancel a refill request while it is still requested.",
        Description = "For the patient and caregivers with `prescriptions.write`. 409 once a clinician has taken it into review or decided it.",
        IfMatch = true,
        NoRequestBody = true)]
    [ApiResponse(200, typeof(RefillRequest), ETag = true)]
    [ApiProblems(403, 404, 409, 412, 428)]
    public Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/refill-requests/{requestId}/cancel")] HttpRequest request,
        string patientId,
        string requestId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            Changed(request, await cancel.ExecuteAsync(caller, patientId, requestId, request.Headers.IfMatch.ToString(), cancellationToken)));

    [Function("ReviewRefillRequest")]
    [ApiOperation(
        "Take a refill request into review.",
        Description = "For clinicians. The patient is told (no drug name in the notice). 409 unless it is requested; 412 when another clinician changed it first.",
        IfMatch = true)]
    [ApiRequest(typeof(RefillReview))]
    [ApiResponse(200, typeof(RefillRequest), ETag = true)]
    [ApiProblems(400, 403, 404, 409, 412, 428)]
    public Task<IActionResult> Review(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/refill-requests/{requestId}/review")] HttpRequest request,
        string patientId,
        string requestId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<RefillReview>(request, cancellationToken, async (caller, body) =>
            Changed(request, await decide.ReviewAsync(caller, patientId, requestId, request.Headers.IfMatch.ToString(), body, cancellationToken)));

    [Function("ApproveRefillRequest")]
    [ApiOperation(
        "Approve a refill request: the prescriptions were sent to the pharmacy.",
        Description = "For clinicians. Name each medication of the request once with the new refills (and quantity or days supply when they change); the medications are updated in the record (filled today; the earlier values kept in their history). The patient is told. 409 when it was closed already or a medication ended meanwhile; 412 when another clinician changed it first.",
        IfMatch = true)]
    [ApiRequest(typeof(RefillApproval))]
    [ApiResponse(200, typeof(RefillRequest), ETag = true)]
    [ApiProblems(400, 403, 404, 409, 412, 428)]
    public Task<IActionResult> Approve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/refill-requests/{requestId}/approve")] HttpRequest request,
        string patientId,
        string requestId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<RefillApproval>(request, cancellationToken, async (caller, body) =>
            Changed(request, await decide.ApproveAsync(caller, patientId, requestId, request.Headers.IfMatch.ToString(), body, cancellationToken)));

    [Function("DenyRefillRequest")]
    [ApiOperation(
        "Deny a refill request with a reason.",
        Description = "For clinicians. The reason is shown in the portal, never in a text message. 409 when it was closed already; 412 when another clinician changed it first.",
        IfMatch = true)]
    [ApiRequest(typeof(RefillDenial))]
    [ApiResponse(200, typeof(RefillRequest), ETag = true)]
    [ApiProblems(400, 403, 404, 409, 412, 428)]
    public Task<IActionResult> Deny(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/refill-requests/{requestId}/deny")] HttpRequest request,
        string patientId,
        string requestId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<RefillDenial>(request, cancellationToken, async (caller, body) =>
            Changed(request, await decide.DenyAsync(caller, patientId, requestId, request.Headers.IfMatch.ToString(), body, cancellationToken)));

    [Function("RefillNeedsVisit")]
    [ApiOperation(
        "Answer that the prescriber needs to see the patient first.",
        Description = "For clinicians: choose one of the clinic's visit types; the request then links to booking it (`visit.bookingLink`). 400 for an unknown visit type; 409 when it was closed already; 412 when another clinician changed it first.",
        IfMatch = true)]
    [ApiRequest(typeof(RefillVisitRequirement))]
    [ApiResponse(200, typeof(RefillRequest), ETag = true)]
    [ApiProblems(400, 403, 404, 409, 412, 428)]
    public Task<IActionResult> NeedsVisit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/refill-requests/{requestId}/needs-visit")] HttpRequest request,
        string patientId,
        string requestId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<RefillVisitRequirement>(request, cancellationToken, async (caller, body) =>
            Changed(request, await decide.NeedsVisitAsync(caller, patientId, requestId, request.Headers.IfMatch.ToString(), body, cancellationToken)));

    private static IActionResult Changed(HttpRequest request, Result<Versioned<RefillRequest>> result) =>
        ApiResults.Versioned(request, result, changed => changed);
}
