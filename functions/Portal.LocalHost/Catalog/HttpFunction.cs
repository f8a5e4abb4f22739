using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using Portal.Functions.Http;
using Portal.LocalHost.Http;

namespace Portal.LocalHost.Catalog;

/// <summary>
/// An HTTP function: <c>[HttpTrigger] HttpRequest</c>, route values by parameter name, an optional
/// <see cref="CancellationToken"/>; returns <see cref="IActionResult"/> or <c>Task&lt;IActionResult&gt;</c>.
/// </summary>
/// <param name="Endpoint">Name, route and methods, read as the OpenAPI document reads them.</param>
/// <param name="RouteParameters">The method parameters bound from route values.</param>
internal sealed record HttpFunction(HttpEndpoint Endpoint, IReadOnlyList<ParameterInfo> RouteParameters)
    : FunctionDescriptor(Endpoint.Name, Endpoint.Method)
{
    /// <summary>The route template without the host.json prefix.</summary>
    public string Route => Endpoint.Route;

    /// <summary>Upper-case methods, or null for every method.</summary>
    public IReadOnlyList<string>? HttpMethods => Endpoint.HttpMethods;

    public static HttpFunction Describe(string name, MethodInfo method, ParameterInfo trigger, HttpTriggerAttribute attribute)
    {
        if (method.ReturnType != typeof(IActionResult) && method.ReturnType != typeof(Task<IActionResult>))
        {
            throw Unsupported(name, method, $"returns {method.ReturnType.Name}; HTTP functions must return IActionResult or Task<IActionResult>.");
        }

        if (trigger.ParameterType != typeof(HttpRequest))
        {
            throw Unsupported(name, method, $"the [HttpTrigger] parameter is {trigger.ParameterType.Name}; it must be Microsoft.AspNetCore.Http.HttpRequest (ASP.NET Core integration).");
        }

        var endpoint = HttpEndpoint.From(name, method, attribute);
        var route = endpoint.Route;
        RoutePattern pattern;
        try
        {
            pattern = RoutePatternFactory.Parse(route);
        }
        catch (RoutePatternException e)
        {
            throw Unsupported(name, method, $"route '{route}' is not a valid route template: {e.Message}");
        }

        var routeParameters = new List<ParameterInfo>();
        foreach (var parameter in method.GetParameters().Where(p => p != trigger && !IsCancellationToken(p)))
        {
            var part = pattern.GetParameter(parameter.Name!)
                ?? throw Unsupported(name, method, $"parameter '{parameter.Name}' is not a parameter of route '{route}'; only HttpRequest, route values and CancellationToken are bound.");
            if (!RouteValueConverter.IsSupported(parameter.ParameterType))
            {
                throw Unsupported(name, method, $"route parameter '{parameter.Name}' is {parameter.ParameterType.Name}; supported: {RouteValueConverter.SupportedTypes}.");
            }

            var mayBeMissing = (part.IsOptional || part.IsCatchAll) && part.Default is null;
            if (mayBeMissing && !parameter.HasDefaultValue && !RouteValueConverter.AcceptsNull(parameter))
            {
                throw Unsupported(name, method, $"route parameter '{parameter.Name}' is optional in '{route}', so it must be nullable or have a default value.");
            }

            routeParameters.Add(parameter);
        }

        return new HttpFunction(endpoint, routeParameters);
    }
}
