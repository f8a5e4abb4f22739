using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Common;
using Portal.Core.Messaging;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Messaging;

/// <summary>Secure conversations between a patient (or caregiver) and the clinic's care-team pools.</summary>
[Description("Secure messages with the care team: threads in the patient's chart, replies from both sides, and each pool's inbox for staff.")]
public sealed class ThreadFunctions(
    PortalHttp http, StartThread start, ListThreads list, ReadThread read, ReplyToThread reply, AssignThread assign, CloseThread close)
{
    [Function("StartThread")]
    [ApiOperation(
        "Start a conversation with a care-team pool.",
        Description = "For the patient and caregivers with `messages.write`. The pool answers at once with its response time and the emergency line. `attachments` names your unsent uploads (`POST /api/patients/{patientId}/attachments`, at most five) to send with the first message. With an Idempotency-Key a retry answers with the same thread; the same key with another body is 409.",
        IdempotencyKey = true)]
    [ApiRequest(typeof(NewThread))]
    [ApiResponse(201, typeof(ThreadDetail), Description = "Started: the thread, your message and the automatic reply.", Location = true)]
    [ApiProblems(400, 403, 404, 409)]
    public Task<IActionResult> Start(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/threads")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<NewThread>(request, cancellationToken, async (caller, body) =>
        {
            var key = request.Headers["Idempotency-Key"].ToString();
            var result = await start.ExecuteAsync(caller, patientId, body, key is "" ? null : key, cancellationToken);
            return ApiResults.From(request, result, view =>
            {
                request.HttpContext.Response.Headers.Location = $"/api/patients/{patientId}/threads/{view.Thread.ThreadId}";
                return ApiResults.Json(ThreadDetail.From(view), StatusCodes.Status201Created);
            });
        });

    [Function("ListThreads")]
    [ApiOperation("The patient's conversations, newest activity first, with your unread count in each.",
        Description = "Staff see the threads of the pools their role answers.")]
    [ApiQuery("pageSize", typeof(int), "1 to 100 (default 25).")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page.")]
    [ApiResponse(200, typeof(ThreadPage))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/threads")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.PagedAsync(request, async (caller, asked) =>
        {
            var result = await list.ExecuteAsync(caller, patientId, asked.PageSize, asked.ContinuationToken, cancellationToken);
            return ApiResults.From(request, result, page => ApiResults.Json(new ThreadPage([.. page.Items.Select(ThreadSummary.From)], page.ContinuationToken)));
        });

    [Function("ReadThread")]
    [ApiOperation("A conversation and its messages, oldest first; marks them read for you (only you).")]
    [ApiResponse(200, typeof(ThreadDetail))]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Read(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/threads/{threadId}")] HttpRequest request,
        string patientId,
        string threadId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await read.ExecuteAsync(caller, patientId, threadId, cancellationToken), view => ApiResults.Json(ThreadDetail.From(view))));

    [Function("ReplyToThread")]
    [ApiOperation(
        "Write in a conversation.",
        Description = "The patient's side: reopens a closed thread and puts it back in the pool's inbox. The pool's staff: answers the wait and sends the patient a new-message notice. `attachments` names your unsent uploads to send with it (at most five).")]
    [ApiRequest(typeof(ThreadReply))]
    [ApiResponse(201, typeof(ThreadDetail), Description = "Written: the thread and the new message.")]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> Reply(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/threads/{threadId}/messages")] HttpRequest request,
        string patientId,
        string threadId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<ThreadReply>(request, cancellationToken, async (caller, body) =>
            ApiResults.From(request, await reply.ExecuteAsync(caller, patientId, threadId, body.Message, body.Attachments, cancellationToken),
                view => ApiResults.Json(ThreadDetail.From(view), StatusCodes.Status201Created)));

    [Function("AssignThread")]
    [ApiOperation("Assign a thread to a member of the pool's staff.", Description = "For staff whose role answers the thread's pool.")]
    [ApiRequest(typeof(ThreadAssignment))]
    [ApiResponse(200, typeof(ThreadDetail))]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> Assign(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/threads/{threadId}/assign")] HttpRequest request,
        string patientId,
        string threadId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync<ThreadAssignment>(request, cancellationToken, async (caller, body) =>
            ApiResults.From(request, await assign.ExecuteAsync(caller, patientId, threadId, body.Assignee, cancellationToken), view => ApiResults.Json(ThreadDetail.From(view))));

    [Function("CloseThread")]
    [ApiOperation("Close a thread; the patient's next message reopens it.", Description = "For staff whose role answers the thread's pool.", NoRequestBody = true)]
    [ApiResponse(200, typeof(ThreadDetail))]
    [ApiProblems(403, 404)]
    public Task<IActionResult> Close(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "patients/{patientId}/threads/{threadId}/close")] HttpRequest request,
        string patientId,
        string threadId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
            ApiResults.From(request, await close.ExecuteAsync(caller, patientId, threadId, cancellationToken), view => ApiResults.Json(ThreadDetail.From(view))));
}
