namespace Portal.Functions.OpenApi;

/// <summary>A query-string parameter a function reads.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiQueryAttribute(string name, Type type, string description) : Attribute
{
    /// <summary>The parameter's name in the query string.</summary>
    public string Name { get; } = name;

    /// <summary>The type the value is parsed as (string, int, DateOnly …).</summary>
    public Type Type { get; } = type;

    /// <summary>What the parameter does.</summary>
    public string Description { get; } = description;

    /// <summary>True when the operation refuses a request without it.</summary>
    public bool Required { get; init; }
}
