namespace Portal.Functions.OpenApi;

/// <summary>
/// Describes an HTTP function for the generated OpenAPI document: its summary and the headers it uses.
/// Every HTTP function carries one; the document is built from these and the function's other Api* attributes.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiOperationAttribute(string summary) : Attribute
{
    /// <summary>One line: what the operation does.</summary>
    public string Summary { get; } = summary;

    /// <summary>More detail when the summary is not enough (Markdown).</summary>
    public string? Description { get; init; }

    /// <summary>The group the operation is listed under (the feature's name).</summary>
    public string? Tag { get; init; }

    /// <summary>True for operations that need no bearer token (health, the document itself, dev tokens).</summary>
    public bool Anonymous { get; init; }

    /// <summary>The operation honours an <c>Idempotency-Key</c> request header.</summary>
    public bool IdempotencyKey { get; init; }

    /// <summary>The operation requires an <c>If-Match</c> request header with the ETag last read.</summary>
    public bool IfMatch { get; init; }

    /// <summary>A POST, PUT or PATCH that reads no body (the path says it all), so it declares no <see cref="ApiRequestAttribute"/>.</summary>
    public bool NoRequestBody { get; init; }
}
