using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Core.Audit;
using Portal.Core.Common;
using Portal.Functions.Http;

namespace Portal.Functions.AccessLog;

/// <summary><c>GET /api/patients/{patientId}/access-log</c>: who accessed the chart, newest first, paged.</summary>
public sealed class AccessLogFunction(PortalHttp http, ListAccessLog listAccessLog)
{
    private const int DefaultPageSize = 25;

    [Function("ListAccessLog")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "patients/{patientId}/access-log")] HttpRequest request,
        string patientId,
        CancellationToken cancellationToken) =>
        http.AuthenticatedAsync(request, async caller =>
        {
            var pageSizeText = request.Query["pageSize"].ToString();
            if (!int.TryParse(pageSizeText is "" ? $"{DefaultPageSize}" : pageSizeText, out var pageSize))
            {
                return ApiResults.Problem(request, Failure.Invalid("pageSize", "A whole number."));
            }

            var continuation = request.Query["continuationToken"].ToString();
            var result = await listAccessLog.ExecuteAsync(caller, patientId, pageSize, continuation is "" ? null : continuation, cancellationToken);
            return ApiResults.From(request, result, page => ApiResults.Json(AccessLogPage.From(page)));
        });
}
