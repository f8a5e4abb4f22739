using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Portal.LocalHost.Queues;

namespace Portal.LocalHost.Catalog;

/// <summary>A Storage queue function: one <c>[QueueTrigger]</c> message parameter and an optional <see cref="CancellationToken"/>; returns Task or void.</summary>
/// <param name="QueueName">The queue name as written, possibly with <c>%Setting%</c> references.</param>
/// <param name="Connection">The storage connection name; null means <c>AzureWebJobsStorage</c>.</param>
internal sealed record QueueFunction(string Name, MethodInfo Method, string QueueName, string? Connection, Type MessageType) : FunctionDescriptor(Name, Method)
{
    public static QueueFunction Describe(string name, MethodInfo method, ParameterInfo trigger, QueueTriggerAttribute attribute)
    {
        if (method.ReturnType != typeof(Task) && method.ReturnType != typeof(void))
        {
            throw Unsupported(name, method, $"returns {method.ReturnType.Name}; queue functions must return Task or void.");
        }

        if (!QueueMessageBinder.IsSupported(trigger.ParameterType))
        {
            throw Unsupported(name, method, $"the [QueueTrigger] parameter is {trigger.ParameterType.Name}; {QueueMessageBinder.SupportedTypes}.");
        }

        if (method.GetParameters().FirstOrDefault(p => p != trigger && !IsCancellationToken(p)) is { } other)
        {
            throw Unsupported(name, method, $"parameter '{other.Name}' ({other.ParameterType.Name}) is not supported; queue functions take the message and CancellationToken only.");
        }

        return new QueueFunction(name, method, attribute.QueueName, attribute.Connection, trigger.ParameterType);
    }
}
