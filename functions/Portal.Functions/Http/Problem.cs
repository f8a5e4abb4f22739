using System.Text.Json.Serialization;

namespace Portal.Functions.Http;

/// <summary>An RFC 9457 problem as the API writes it (<c>application/problem+json</c>).</summary>
/// <param name="Type">A stable URN front ends switch on: <c>urn:portal:problem:{kind}</c> (see <see cref="ProblemTypes"/>).</param>
/// <param name="Title">A short, fixed summary of the kind.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Detail">What went wrong, safe to show; never echoes input values.</param>
/// <param name="Instance">The request path.</param>
/// <param name="TraceId">The request's trace id, to quote when contacting the clinic.</param>
/// <param name="Errors">Field errors for bad input: field path → messages.</param>
public sealed record Problem(
    string Type,
    string Title,
    int Status,
    string Detail,
    string? Instance,
    string TraceId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string[]>? Errors = null);
