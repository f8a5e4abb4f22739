using System.Net;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Portal.Functions;
using Portal.LocalHost.Catalog;

namespace Portal.IntegrationTests.Api;

/// <summary>The served OpenAPI document is valid OpenAPI 3.1 and describes exactly the API the host serves.</summary>
public partial class OpenApiDocumentTests
{
    [Fact]
    public async Task The_served_document_is_valid_OpenAPI_3_1()
    {
        var (read, _) = await ReadServedAsync();

        Assert.Empty(read.Diagnostic!.Errors);
        Assert.Empty(read.Diagnostic.Warnings);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, read.Diagnostic.SpecificationVersion);
        Assert.Empty(read.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!);
    }

    [Fact]
    public async Task Every_http_function_is_in_the_document_and_every_documented_operation_is_served()
    {
        var (read, _) = await ReadServedAsync();

        var documented = read.Document!.Paths
            .SelectMany(path => path.Value.Operations!.Select(operation => $"{operation.Key.Method} {path.Key}"))
            .Order(StringComparer.Ordinal);
        var served = FunctionCatalog.FromAssemblies([FunctionsAssembly.Value]).Http
            .SelectMany(function => (function.HttpMethods ?? ["GET", "POST", "PUT", "PATCH", "DELETE"])
                .Select(method => $"{method} /{Constraint().Replace(function.Route, "}")}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(served, documented);
    }

    [Fact]
    public async Task Operation_ids_are_the_function_names()
    {
        var (read, _) = await ReadServedAsync();

        var operationIds = read.Document!.Paths.SelectMany(path => path.Value.Operations!.Values.Select(o => o.OperationId)).Order(StringComparer.Ordinal);

        Assert.Equal(FunctionCatalog.FromAssemblies([FunctionsAssembly.Value]).Http.Select(f => f.Name).Order(StringComparer.Ordinal), operationIds);
    }

    [Fact]
    public async Task The_server_url_is_the_host_json_route_prefix()
    {
        var (read, portal) = await ReadServedAsync();

        Assert.Equal(portal.Portal.ApiBaseAddress.AbsolutePath.TrimEnd('/'), Assert.Single(read.Document!.Servers!).Url);
    }

    private static async Task<(ReadResult Read, TestPortal Portal)> ReadServedAsync()
    {
        var portal = await TestPortal.GetAsync();
        var api = new PortalApi(portal.Client);
        using var response = await api.GetAsync("api/openapi.json", token: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (OpenApiDocument.Parse(await response.Content.ReadAsStringAsync(), OpenApiConstants.Json), portal);
    }

    // "{id:guid}" and "{id?}" are "{id}" in OpenAPI.
    [GeneratedRegex(@"(:[^}]+|\?)\}")]
    private static partial Regex Constraint();
}
