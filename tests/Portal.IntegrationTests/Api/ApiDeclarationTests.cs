using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Portal.Functions;
using Portal.Functions.Http;
using Portal.Functions.OpenApi;

namespace Portal.IntegrationTests.Api;

/// <summary>
/// Reflection only: every HTTP function declares what the OpenAPI document says about it, so an undeclared
/// function is a failing test that names it rather than a thin entry in the document.
/// </summary>
public sealed class ApiDeclarationTests
{
    [Fact]
    public void Every_http_function_declares_its_operation_responses_and_request_body()
    {
        var missing = Missing(HttpEndpoint.In(FunctionsAssembly.Value));

        Assert.True(missing.Count == 0, "HTTP functions without OpenAPI declarations:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void A_function_without_declarations_is_named()
    {
        var missing = Missing(HttpEndpoint.In([typeof(Undeclared)]));

        Assert.Equal(
            [
                "UndeclaredGet: [ApiOperation] is missing",
                "UndeclaredGet: no [ApiResponse]",
                "UndeclaredPost: [ApiRequest] is missing (it accepts POST)",
            ],
            missing);
    }

    /// <summary>What each function lacks: ApiOperation, an ApiResponse, and for methods that carry a body, ApiRequest.</summary>
    private static List<string> Missing(IEnumerable<HttpEndpoint> endpoints)
    {
        var missing = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var operation = endpoint.Method.GetCustomAttribute<ApiOperationAttribute>();
            if (operation is null)
            {
                missing.Add($"{endpoint.Name}: [ApiOperation] is missing");
            }

            if (!endpoint.Method.GetCustomAttributes<ApiResponseAttribute>().Any())
            {
                missing.Add($"{endpoint.Name}: no [ApiResponse]");
            }

            var bodyMethod = (endpoint.HttpMethods ?? ["POST"]).FirstOrDefault(m => m is "POST" or "PUT" or "PATCH");
            if (bodyMethod is not null && operation is not { NoRequestBody: true } && endpoint.Method.GetCustomAttribute<ApiRequestAttribute>() is null)
            {
                missing.Add($"{endpoint.Name}: [ApiRequest] is missing (it accepts {bodyMethod})");
            }
        }

        return missing;
    }

    private sealed class Undeclared
    {
        [Function("UndeclaredGet")]
        public IActionResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "undeclared")] HttpRequest request) => new OkResult();

        [Function("UndeclaredPost")]
        [ApiOperation("Declared but for its body.")]
        [ApiResponse(204)]
        public IActionResult Post([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "undeclared")] HttpRequest request) => new NoContentResult();
    }
}
