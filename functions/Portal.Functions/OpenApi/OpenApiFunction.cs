using System.ComponentModel;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Functions.Http;

namespace Portal.Functions.OpenApi;

/// <summary><c>GET /api/openapi.json</c>: the API description, generated from the functions (<see cref="ApiDocument"/>).</summary>
[Description("The API's own description.")]
public sealed class OpenApiFunction(PortalHttp http)
{
    [Function("OpenApiDocument")]
    [ApiOperation("This document.", Description = "The OpenAPI 3.1 description of this API, generated from the functions and the types they read and return.", Anonymous = true)]
    [ApiResponse(200, typeof(JsonObject), Description = "The OpenAPI document.")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        http.GuardedAsync(request, () => Task.FromResult<IActionResult>(new ContentResult { Content = ApiDocument.Json, ContentType = "application/json", StatusCode = 200 }));
}
