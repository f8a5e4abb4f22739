using System.ComponentModel;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Portal.Functions.Http;

namespace Portal.Functions.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document of the HTTP API, built from the functions' own declarations: routes and methods
/// from <c>[Function]</c>/<c>[HttpTrigger]</c>, the rest from the Api* attributes, and the bodies' schemas from
/// the C# types they name. Nothing in it is kept by hand, so it cannot drift from the code.
/// </summary>
public static class ApiDocument
{
    private const string Bearer = "bearer";

    private static readonly string[] AllMethods = ["GET", "PUT", "POST", "DELETE", "PATCH"];

    // The order OpenAPI lists a path item's operations in.
    private static readonly string[] MethodOrder = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private static readonly Lazy<string> Served = new(() => Build(HttpEndpoint.In(FunctionsAssembly.Value), AppRoutePrefix()).ToJsonString(Written));

    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The app's document as served, built on first use and kept for the life of the process.</summary>
    public static string Json => Served.Value;

    /// <summary>The document for the given functions, served under <paramref name="routePrefix"/> (host.json's).</summary>
    public static JsonObject Build(IEnumerable<HttpEndpoint> endpoints, string routePrefix)
    {
        var schemas = new ApiSchemas();
        var functions = endpoints.ToList();
        var paths = new JsonObject();
        foreach (var path in functions.GroupBy(ApiOperations.PathOf).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var operations = path
                .SelectMany(endpoint => (endpoint.HttpMethods ?? AllMethods).Select(method => (Method: method.ToLowerInvariant(), Endpoint: endpoint)))
                .OrderBy(operation => Array.IndexOf(MethodOrder, operation.Method));
            paths[path.Key] = new JsonObject(operations.Select(o => KeyValuePair.Create(o.Method, (JsonNode?)ApiOperations.Describe(o.Endpoint, schemas))));
        }

        // Before the schemas are listed: it refines the Problem schema.
        var problem = ProblemResponse(schemas);
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = Info(),
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/" + routePrefix }),
            ["security"] = new JsonArray(new JsonObject { [Bearer] = new JsonArray() }),
            ["tags"] = Tags(functions),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    [Bearer] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["bearerFormat"] = "JWT",
                        ["description"] = "An Entra ID / External ID access token for this API (in Development, one from POST /dev/token).",
                    },
                },
                ["responses"] = new JsonObject { ["Problem"] = problem },
                ["schemas"] = schemas.Components(),
            },
        };
    }

    private static JsonObject Info() => new()
    {
        ["title"] = "PortalServerless API",
        ["version"] = "1.0.0",
        ["description"] =
            "Patient-portal backend. Operations need a Bearer token unless they list no security requirement. " +
            "Bodies are JSON in camelCase; times are UTC ISO 8601. Errors are RFC 9457 `application/problem+json` with a `traceId`; " +
            "invalid input adds field errors under `errors`. A patient the caller may not see answers 404.",
    };

    // One tag per feature, described by [Description] on the feature's function class.
    private static JsonArray Tags(IEnumerable<HttpEndpoint> endpoints) =>
        [.. endpoints
            .GroupBy(ApiOperations.TagOf)
            .OrderBy(tag => tag.Key, StringComparer.Ordinal)
            .Select(tag =>
            {
                var node = new JsonObject { ["name"] = tag.Key };
                var descriptions = tag.Select(e => e.Method.DeclaringType?.GetCustomAttribute<DescriptionAttribute>()?.Description).OfType<string>().Distinct();
                if (string.Join(" ", descriptions) is { Length: > 0 } description)
                {
                    node["description"] = description;
                }

                return node;
            })];

    private static JsonObject ProblemResponse(ApiSchemas schemas)
    {
        var schema = schemas.For(typeof(Problem));

        // The URNs are listed from the code (every FailureKind and the HTTP layer's own), so a client can switch on them.
        schemas.Named(typeof(Problem))["properties"]!["type"]!["enum"] = new JsonArray([.. ProblemTypes.All.Select(urn => (JsonNode)urn)]);
        return new JsonObject
        {
            ["description"] = "A problem (RFC 9457). `type` is one of: " + string.Join(", ", ProblemTypes.All.Select(urn => $"`{urn}`")) +
                ". A 401 for multi-factor sign-in carries a claims challenge in `WWW-Authenticate`.",
            ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = schema } },
        };
    }

    // host.json beside the app, overridden by AzureFunctionsJobHost__* environment variables, as the Functions host does.
    private static string AppRoutePrefix() =>
        HostSettings.RoutePrefix(HostSettings.Load(AppContext.BaseDirectory, new ConfigurationBuilder().AddEnvironmentVariables().Build()));
}
