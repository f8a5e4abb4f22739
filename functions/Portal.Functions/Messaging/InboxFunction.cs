using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Common;
using Portal.Core.Messaging;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Messaging;

/// <summary><c>GET /api/inbox?pool=…</c>: a care-team pool's open threads for the staff who answer it.</summary>
[Description("Secure messages with the care team: each pool's inbox for the staff who answer it.")]
public sealed class InboxFunction(PortalHttp http, ListInbox inbox)
{
    [Function("ListInbox")]
    [ApiOperation("A pool's open threads: longest unanswered wait first, with the waiting time and the response-time target.",
        Description = "For staff holding the pool's role. Answered open threads follow the waiting ones; closed threads are not listed.")]
    [ApiQuery("pool", typeof(string), "The pool's id (care-team, billing, scheduling, refills …).")]
    [ApiQuery("pageSize", typeof(int), "1 to 100 (default 25).")]
    [ApiQuery("continuationToken", typeof(string), "The token of the previous page.")]
    [ApiResponse(200, typeof(InboxPage))]
    [ApiProblems(400, 403)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inbox")] HttpRequest request,
        CancellationToken cancellationToken) =>
        http.PagedAsync(request, async (caller, asked) =>
        {
            var result = await inbox.ExecuteAsync(caller, request.Query["pool"].ToString(), asked.PageSize, asked.ContinuationToken, cancellationToken);
            return ApiResults.From(request, result, found => ApiResults.Json(new InboxPage(
                found.Pool.Id, found.Pool.DisplayName, found.Pool.ResponseTime, [.. found.Page.Items.Select(InboxThread.From)], found.Page.ContinuationToken)));
        });
}
