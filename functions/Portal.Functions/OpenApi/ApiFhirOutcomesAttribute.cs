namespace Portal.Functions.OpenApi;

/// <summary>
/// The failure statuses of a FHIR endpoint, each answered as an <c>application/fhir+json</c> OperationOutcome instead
/// of a problem. 401 (for operations that need a token) and 500 are added here too, replacing the problem responses.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiFhirOutcomesAttribute(params int[] statuses) : Attribute
{
    /// <summary>The HTTP status codes.</summary>
    public IReadOnlyList<int> Statuses { get; } = statuses;
}
