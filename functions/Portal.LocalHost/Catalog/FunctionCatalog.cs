using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Portal.LocalHost.Catalog;

/// <summary>
/// The functions of the given assemblies, read from their <c>[Function]</c> and trigger attributes.
/// Anything the local host cannot run as the Functions host would is a startup error, listed all at once.
/// </summary>
internal sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions)
    {
        Http = functions.OfType<HttpFunction>().ToArray();
        Timers = functions.OfType<TimerFunction>().ToArray();
        Queues = functions.OfType<QueueFunction>().ToArray();
    }

    public IReadOnlyList<HttpFunction> Http { get; }

    public IReadOnlyList<TimerFunction> Timers { get; }

    public IReadOnlyList<QueueFunction> Queues { get; }

    /// <summary>Scans the public types, as the Functions SDK only indexes public functions.</summary>
    public static FunctionCatalog FromAssemblies(IEnumerable<Assembly> assemblies) =>
        FromTypes(assemblies.SelectMany(a => a.GetExportedTypes()));

    public static FunctionCatalog FromTypes(IEnumerable<Type> types)
    {
        var functions = new List<FunctionDescriptor>();
        var errors = new List<string>();
        const BindingFlags AllDeclared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var method in types.SelectMany(t => t.GetMethods(AllDeclared)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }

            try
            {
                functions.Add(Describe(function.Name, method));
            }
            catch (InvalidOperationException e)
            {
                errors.Add(e.Message);
            }
        }

        errors.AddRange(functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => $"Function name '{g.Key}' is used by {string.Join(", ", g)}."));
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(
                "Portal.LocalHost cannot serve these functions:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => " - " + e)));
        }

        return new FunctionCatalog(functions);
    }

    private static FunctionDescriptor Describe(string name, MethodInfo method)
    {
        string? problem = null;
        if (!method.IsPublic)
        {
            problem = "the method must be public.";
        }
        else if (method.ContainsGenericParameters || (!method.IsStatic && (method.DeclaringType!.IsAbstract || method.DeclaringType.ContainsGenericParameters)))
        {
            problem = "the method must be static or on a concrete, non-generic class.";
        }

        var parameters = method.GetParameters();
        var triggers = parameters.Where(p => p.GetCustomAttribute<TriggerBindingAttribute>() is not null).ToArray();
        if (problem is null && triggers.Length != 1)
        {
            problem = "it needs exactly one trigger parameter.";
        }

        // Output bindings (on the method or its return) and input bindings have no local implementation.
        var otherBinding = parameters.SelectMany(p => p.GetCustomAttributes<BindingAttribute>())
            .Concat(method.GetCustomAttributes<BindingAttribute>())
            .Concat(method.ReturnParameter.GetCustomAttributes<BindingAttribute>())
            .FirstOrDefault(a => a is not TriggerBindingAttribute);
        if (problem is null && otherBinding is not null)
        {
            problem = $"[{otherBinding.GetType().Name}] is not supported; only HttpTrigger, TimerTrigger and QueueTrigger are.";
        }

        if (problem is not null)
        {
            throw new InvalidOperationException($"Function '{name}' ({method.DeclaringType?.FullName}.{method.Name}): {problem}");
        }

        var trigger = triggers[0];
        return trigger.GetCustomAttribute<TriggerBindingAttribute>() switch
        {
            HttpTriggerAttribute http => HttpFunction.Describe(name, method, trigger, http),
            TimerTriggerAttribute timer => TimerFunction.Describe(name, method, trigger, timer),
            QueueTriggerAttribute queue => QueueFunction.Describe(name, method, trigger, queue),
            var other => throw new InvalidOperationException(
                $"Function '{name}' ({method.DeclaringType?.FullName}.{method.Name}): [{other!.GetType().Name}] is not supported; only HttpTrigger, TimerTrigger and QueueTrigger are."),
        };
    }
}
