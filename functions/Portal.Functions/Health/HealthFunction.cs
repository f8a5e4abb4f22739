using System.ComponentModel;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Azure.Tables;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.Functions.Health;

/// <summary>Liveness and storage reachability, for probes and for people; no data, no token.</summary>
[Description("Liveness and storage reachability, for probes.")]
public sealed class HealthFunction(PortalTables tables, PortalHttp http)
{
    [Function("Health")]
    [ApiOperation("Liveness and storage reachability.", Description = "Reads one small entity from table storage with the app's own identity; needs no token and returns no data.", Anonymous = true)]
    [ApiResponse(200, typeof(HealthStatus), Description = "Healthy: storage is reachable.")]
    [ApiResponse(503, typeof(HealthStatus), Description = "Unhealthy: storage is unreachable.")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken) =>
        http.GuardedAsync(request, async () =>
        {
            try
            {
                // One small data-plane read: the same permission the app uses, so it also checks the identity's role.
                await foreach (var _ in tables.Lookups.QueryAsync<TableEntity>("PartitionKey eq 'health'", maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages(pageSizeHint: 1))
                {
                    break;
                }

                return ApiResults.Json(HealthStatus.Healthy);
            }
            catch (RequestFailedException)
            {
                return ApiResults.Json(HealthStatus.StorageUnreachable, StatusCodes.Status503ServiceUnavailable);
            }
        });
}
