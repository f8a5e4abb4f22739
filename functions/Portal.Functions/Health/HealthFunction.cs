using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Azure.Tables;
using Portal.Functions.Http;

namespace Portal.Functions.Health;

/// <summary>Liveness and storage reachability, for probes and for people; no data, no token.</summary>
public sealed class HealthFunction(PortalTables tables, PortalHttp http)
{
    [Function("Health")]
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
