using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Portal.Functions.Http;

/// <summary>
/// An HTTP function as its attributes declare it: name, route and methods. Both the local host (to serve it)
/// and the OpenAPI document (to describe it) read functions through this one type, so they cannot disagree.
/// </summary>
/// <param name="Name">The <c>[Function]</c> name.</param>
/// <param name="Method">The function's method.</param>
/// <param name="Route">The route template without the host.json prefix (the function name when the trigger gives none).</param>
/// <param name="HttpMethods">Upper-case methods, or null for every method.</param>
public sealed record HttpEndpoint(string Name, MethodInfo Method, string Route, IReadOnlyList<string>? HttpMethods)
{
    /// <summary>Reads one function's route and methods as the Functions host does.</summary>
    public static HttpEndpoint From(string name, MethodInfo method, HttpTriggerAttribute trigger)
    {
        var methods = trigger.Methods?.Select(m => m.ToUpperInvariant()).ToArray();
        return new HttpEndpoint(name, method, (trigger.Route ?? name).Trim('/'), methods is { Length: > 0 } ? methods : null);
    }

    /// <summary>The HTTP functions of an assembly's public types (the Functions SDK indexes public functions only), by name.</summary>
    public static IReadOnlyList<HttpEndpoint> In(Assembly assembly) => In(assembly.GetExportedTypes());

    /// <summary>The HTTP functions declared on the given types, by name.</summary>
    public static IReadOnlyList<HttpEndpoint> In(IEnumerable<Type> types)
    {
        var endpoints = new List<HttpEndpoint>();
        foreach (var method in types.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (method.GetCustomAttribute<FunctionAttribute>() is { } function && trigger is not null)
            {
                endpoints.Add(From(function.Name, method, trigger));
            }
        }

        return [.. endpoints.OrderBy(e => e.Name, StringComparer.Ordinal)];
    }
}
