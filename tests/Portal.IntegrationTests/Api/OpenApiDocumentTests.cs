using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Portal.Functions;
using Portal.LocalHost.Catalog;

namespace Portal.IntegrationTests.Api;

/// <summary>The served OpenAPI document and the HTTP functions describe the same API.</summary>
public partial class OpenApiDocumentTests
{
    [Fact]
    public async Task Every_http_function_is_in_the_document_and_every_documented_operation_is_served()
    {
        var portal = await TestPortal.GetAsync();
        using var response = await portal.Client.GetAsync("api/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var documented = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(operation => operation.Key is "get" or "post" or "put" or "patch" or "delete")
                .Select(operation => $"{operation.Key.ToUpperInvariant()} /{path.Key.TrimStart('/')}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var served = FunctionCatalog.FromAssemblies([FunctionsAssembly.Value]).Http
            .SelectMany(function => (function.HttpMethods ?? ["GET", "POST", "PUT", "PATCH", "DELETE"])
                .Select(method => $"{method} /{Constraint().Replace(function.Route, "}")}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(served, documented);
    }

    [Fact]
    public async Task Operation_ids_are_the_function_names()
    {
        var portal = await TestPortal.GetAsync();
        var document = JsonNode.Parse(await portal.Client.GetStringAsync("api/openapi.json"))!;
        var operationIds = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Where(o => o.Value is JsonObject op && op["operationId"] is not null))
            .Select(o => o.Value!["operationId"]!.GetValue<string>())
            .Order(StringComparer.Ordinal);

        Assert.Equal(FunctionCatalog.FromAssemblies([FunctionsAssembly.Value]).Http.Select(f => f.Name).Order(StringComparer.Ordinal), operationIds);
    }

    // "{id:guid}" and "{id?}" are "{id}" in OpenAPI.
    [GeneratedRegex(@"(:[^}]+|\?)\}")]
    private static partial Regex Constraint();
}
