using System.Reflection;

namespace Portal.LocalHost.Catalog;

/// <summary>A <c>[Function]</c> method the local host serves, found by reflection.</summary>
internal abstract record FunctionDescriptor(string Name, MethodInfo Method)
{
    public override string ToString() => $"{Name} ({Method.DeclaringType?.FullName}.{Method.Name})";

    /// <summary>The startup error for a signature the local host does not support.</summary>
    protected static InvalidOperationException Unsupported(string name, MethodInfo method, string problem) =>
        new($"Function '{name}' ({method.DeclaringType?.FullName}.{method.Name}): {problem}");

    protected static bool IsCancellationToken(ParameterInfo parameter) => parameter.ParameterType == typeof(CancellationToken);
}
