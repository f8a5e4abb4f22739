using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Functions.Http;

namespace Portal.Functions.OpenApi;

/// <summary><c>GET /api/openapi.json</c>: the API description, written by hand and checked against the functions by a test.</summary>
public sealed class OpenApiFunction(PortalHttp http)
{
    private static readonly Lazy<string> Document = new(() =>
    {
        using var stream = typeof(OpenApiFunction).Assembly.GetManifestResourceStream("Portal.Functions.openapi.json")
            ?? throw new InvalidOperationException("openapi.json is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The document's text.</summary>
    public static string Text => Document.Value;

    [Function("OpenApiDocument")]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        http.GuardedAsync(request, () => Task.FromResult<IActionResult>(new ContentResult { Content = Text, ContentType = "application/json", StatusCode = 200 }));
}
