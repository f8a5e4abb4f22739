namespace Portal.Functions.OpenApi;

/// <summary>
/// The failure statuses a function can answer, each as the shared <c>application/problem+json</c> response.
/// 401 (for operations that need a token) and 500 are added to every operation by the document builder.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiProblemsAttribute(params int[] statuses) : Attribute
{
    /// <summary>The HTTP status codes.</summary>
    public IReadOnlyList<int> Statuses { get; } = statuses;
}
