namespace Portal.Core.Common;

/// <summary>A use case's refusal: what went wrong, for the caller, without patient data.</summary>
/// <param name="Kind">The kind, which fixes the HTTP status.</param>
/// <param name="Detail">A human-readable explanation safe to show to the caller.</param>
/// <param name="Errors">Field errors: field path → messages.</param>
public sealed record Failure(FailureKind Kind, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    /// <summary>A 404 that reveals nothing about existence.</summary>
    public static Failure NotFound(string what = "The resource") => new(FailureKind.NotFound, $"{what} was not found.");

    /// <summary>Invalid input with field errors.</summary>
    public static Failure Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(FailureKind.Validation, "The request has invalid fields.", errors);

    /// <summary>Invalid input on one field.</summary>
    public static Failure Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
