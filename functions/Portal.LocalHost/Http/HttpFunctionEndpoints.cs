using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Portal.LocalHost.Catalog;

namespace Portal.LocalHost.Http;

/// <summary>Maps each HTTP function to an endpoint under the host.json route prefix and runs its IActionResult.</summary>
internal static class HttpFunctionEndpoints
{
    public static void MapHttpFunctions(this IEndpointRouteBuilder endpoints, IEnumerable<HttpFunction> functions, string routePrefix)
    {
        foreach (var function in functions)
        {
            var pattern = routePrefix.Length == 0 ? function.Route : $"{routePrefix}/{function.Route}";
            RequestDelegate handler = context => InvokeAsync(function, context);
            var endpoint = function.HttpMethods is null
                ? endpoints.Map(pattern, handler)
                : endpoints.MapMethods(pattern, function.HttpMethods, handler);
            endpoint.WithDisplayName($"Functions.{function.Name}").WithMetadata(function);
        }
    }

    private static async Task InvokeAsync(HttpFunction function, HttpContext context)
    {
        var routeValues = new Dictionary<string, object?>();
        foreach (var parameter in function.RouteParameters)
        {
            if (!RouteValueConverter.TryConvert(context.GetRouteValue(parameter.Name!)?.ToString(), parameter, out var value))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            routeValues[parameter.Name!] = value;
        }

        var invoker = context.RequestServices.GetRequiredService<FunctionInvoker>();
        var returned = await invoker.InvokeAsync(function, context.RequestServices, "HTTP", parameter =>
            parameter.ParameterType == typeof(HttpRequest) ? context.Request
            : parameter.ParameterType == typeof(CancellationToken) ? context.RequestAborted
            : routeValues[parameter.Name!]);
        var result = returned as IActionResult
            ?? throw new InvalidOperationException($"Function '{function.Name}' returned null instead of an IActionResult.");
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }
}
