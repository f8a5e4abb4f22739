using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.AccessLog;

/// <summary><c>GET /api/patients/{patientId}/access-log</c>: who accessed the chart, newest first, paged.</summary>
[Description("Who accessed a patient's chart, from the append-only audit log.")]
public sealed class AccessLogFunction(PortalHttp http, ListAccessLog listAccessLog)
{
    [Function("ListAccessLog")]
    [ApiOperation("Who accessed the chart, newest first.", Description = "For the patient and administrators; caregivers never see it. Reading it is itself recorded.")]
    [ApiQuery("pageSize", typeof(int), "Entries per page, 1 to 100 (default 25).")]
    [ApiQuery("continuationToken", typeof(string), "The previous page's continuationToken, for the next page.")]
    [ApiResponse(200, typeof(AccessLogPage), Description = "A page of the log.")]
    [ApiProblems(400, 403, 404)]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/access-log")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.PagedAsync(request, async (caller, asked) =>
            ApiResults.From(
                request,
                await listAccessLog.ExecuteAsync(caller, patientId, asked.PageSize, asked.ContinuationToken, cancellationToken),
                page => ApiResults.Json(AccessLogPage.From(page))));
}
