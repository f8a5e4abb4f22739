using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Common;
using Portal.Core.Scheduling.Waitlist;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Scheduling;

/// <summary>A patient's waitlist: "tell me if an earlier slot opens" for a visit type with a provider.</summary>
[Description("Waitlist: a released slot (cancel, move, decline, expired hold) is offered to the first waiting patients it suits; the first to book it wins.")]
public sealed class WaitlistFunctions(PortalHttp http, JoinWaitlist join, ListWaitlist list, LeaveWaitlist leave)
{
    [Function("JoinWaitlist")]
    [ApiOperation(
        "Put the patient on the waitlist of a visit type with a provider.",
        Description = "For the patient, caregivers with `appointments.write`, and staff who book. When a booked time of this visit type with this provider is released, the first waiting patients (oldest first) whose window it falls in — and earlier than the visit of this type with this provider they hold — are told by SMS or e-mail; nothing is held for them: the first to book it wins. Without dates the window runs from now to the patient's own visit (or the booking horizon). One waiting entry per visit type and provider (409). With an Idempotency-Key a retry answers with the same entry.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(WaitlistRequest))]
    [ApiResponse(201, typeof(WaitlistEntryView), Description = "On the waitlist.", Location = true, ETag = true)]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Join(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/waitlist")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<WaitlistRequest>(request, cancellationToken, async (caller, body) =>
        {
            var key = request.Headers["Idempotency-Key"].ToString();
            var result = await join.ExecuteAsync(caller, patientId, body, key is "" ? null : key, cancellationToken);
            return ApiResults.From(request, result, view =>
            {
                request.HttpContext.Response.Headers.Location = $"/api/patients/{patientId}/waitlist/{view.EntryId}";
                request.HttpContext.Response.Headers.ETag = view.ETag;
                return ApiResults.Json(view, StatusCodes.Status201Created);
            });
        });

    [Function("ListWaitlist")]
    [ApiOperation("The patient's waitlist entries.", Description = "Waiting entries oldest first, then those that ended (left or expired), latest first.")]
    [ApiResponse(200, typeof(WaitlistEntries))]
    [ApiProblems(403, 404)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/waitlist")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await list.ExecuteAsync(caller, patientId, cancellationToken), entries => ApiResults.Json(entries)));

    [Function("LeaveWaitlist")]
    [ApiOperation(
        "Take the patient off a waitlist.",
        Description = "No more offers for this entry. Leaving an entry that already ended answers with it as it is. Send its ETag in If-Match to refuse (412) if it changed since you read it.",
        IfMatch = true)]
    [ApiResponse(200, typeof(WaitlistEntryView), ETag = true)]
    [ApiProblems(403, 404, 412)]
    public Task<IActionResult> Leave(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "patients/{patientId}/waitlist/{entryId}")] HttpRequest request,
        string patientId,
        string entryId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var ifMatch = request.Headers.IfMatch.ToString();
            Result<WaitlistEntryView> result = await leave.ExecuteAsync(caller, patientId, entryId, ifMatch is "" ? null : ifMatch, cancellationToken);
            return ApiResults.From(request, result, view =>
            {
                request.HttpContext.Response.Headers.ETag = view.ETag;
                return ApiResults.Json(view);
            });
        });
}
