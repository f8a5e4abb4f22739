using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Journal;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Journal;

/// <summary>Questions for the next visit: written by the patient's side, seen by the care team from check-in, marked answered after the visit.</summary>
[Description("Questions for the next visit, shared with the care team at check-in.")]
public sealed class QuestionFunctions(PortalHttp http, AddQuestion add, ListQuestions list, ChangeQuestion change)
{
    [Function("AddVisitQuestion")]
    [ApiOperation(
        "Write down a question for a visit.",
        Description = "For the patient and caregivers with `records.write`. Tie it to an upcoming appointment with `appointmentId`, or leave it out for the next visit. The care team sees it once you share it, or by itself once the visit's check-in window opens (three days before the visit's day, clinic time): `sharesAt` says when. With an Idempotency-Key a retry answers with the same question.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(NewQuestion))]
    [ApiResponse(201, typeof(QuestionView), ETag = true)]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Add(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/journal/questions")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<NewQuestion>(request, cancellationToken, async (caller, body) =>
            ApiResults.From(request, await add.ExecuteAsync(caller, patientId, body, PortalHttp.IdempotencyKeyOf(request), cancellationToken), written =>
            {
                request.HttpContext.Response.Headers.ETag = written.ETag;
                return ApiResults.Json(QuestionView.From(written), StatusCodes.Status201Created);
            }));

    [Function("ListVisitQuestions")]
    [ApiOperation(
        "The questions for the next visits, in the order asked.",
        Description = "The patient and caregivers with `records.read` see all of them; clinicians the ones shared with the care team (explicitly, or because the visit's check-in window is open).")]
    [ApiQuery("state", typeof(string), "open (default), answered or all.")]
    [ApiResponse(200, typeof(QuestionList))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/journal/questions")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var state = request.Query["state"].ToString();
            return ApiResults.From(request, await list.ExecuteAsync(caller, patientId, state is "" ? null : state, cancellationToken),
                found => ApiResults.Json(new QuestionList([.. found.Select(QuestionView.From)])));
        });

    [Function("ChangeVisitQuestion")]
    [ApiOperation(
        "Reword a question, tie it to another visit, share it now, or mark it answered (If-Match).",
        Description = "For the patient and caregivers with `records.write`. `answered: true` is accepted once the visit has begun (409 before); `share: true` shares it with the care team now.",
        IfMatch = true)]
    [ApiRequest(typeof(QuestionChange))]
    [ApiResponse(200, typeof(QuestionView), ETag = true)]
    [ApiProblems(400, 403, 404, 409, 412, 428)]
    public Task<IActionResult> Change(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "patients/{patientId}/journal/questions/{questionId}")] HttpRequest request,
        string patientId,
        string questionId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<QuestionChange>(request, cancellationToken, async (caller, body) =>
            ApiResults.From(request, await change.ExecuteAsync(caller, patientId, questionId, request.Headers.IfMatch.ToString(), body, cancellationToken), changed =>
            {
                request.HttpContext.Response.Headers.ETag = changed.ETag;
                return ApiResults.Json(QuestionView.From(changed));
            }));

    [Function("DeleteVisitQuestion")]
    [ApiOperation("Delete a question (If-Match).", Description = "For the patient and caregivers with `records.write`.", IfMatch = true)]
    [ApiResponse(204)]
    [ApiProblems(403, 404, 412, 428)]
    public Task<IActionResult> Delete(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "patients/{patientId}/journal/questions/{questionId}")] HttpRequest request,
        string patientId,
        string questionId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await change.DeleteAsync(caller, patientId, questionId, request.Headers.IfMatch.ToString(), cancellationToken), _ => new NoContentResult()));
}
