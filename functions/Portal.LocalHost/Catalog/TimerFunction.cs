using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Portal.LocalHost.Catalog;

/// <summary>A timer function: <c>[TimerTrigger] TimerInfo</c> and an optional <see cref="CancellationToken"/>; returns Task or void.</summary>
/// <param name="Schedule">The NCRONTAB expression as written, possibly with <c>%Setting%</c> references.</param>
internal sealed record TimerFunction(string Name, MethodInfo Method, string Schedule, bool RunOnStartup) : FunctionDescriptor(Name, Method)
{
    public static TimerFunction Describe(string name, MethodInfo method, ParameterInfo trigger, TimerTriggerAttribute attribute)
    {
        if (method.ReturnType != typeof(Task) && method.ReturnType != typeof(void))
        {
            throw Unsupported(name, method, $"returns {method.ReturnType.Name}; timer functions must return Task or void.");
        }

        if (trigger.ParameterType != typeof(TimerInfo))
        {
            throw Unsupported(name, method, $"the [TimerTrigger] parameter is {trigger.ParameterType.Name}; it must be Microsoft.Azure.Functions.Worker.TimerInfo.");
        }

        if (method.GetParameters().FirstOrDefault(p => p != trigger && !IsCancellationToken(p)) is { } other)
        {
            throw Unsupported(name, method, $"parameter '{other.Name}' ({other.ParameterType.Name}) is not supported; timer functions take TimerInfo and CancellationToken only.");
        }

        return new TimerFunction(name, method, attribute.Schedule, attribute.RunOnStartup);
    }
}
