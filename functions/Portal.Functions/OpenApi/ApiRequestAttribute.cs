namespace Portal.Functions.OpenApi;

/// <summary>The C# type a function reads from the request body; its schema is exported from that type.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiRequestAttribute(Type body) : Attribute
{
    /// <summary>The type the body is deserialized into (or, for a merge patch, the shape it patches).</summary>
    public Type Body { get; } = body;

    /// <summary>The media type of the body.</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>
    /// For file uploads (<see cref="Body"/> is <c>byte[]</c>): the media types accepted as the raw body, each
    /// checked against the file's bytes. Null for JSON bodies.
    /// </summary>
    public string[]? FileTypes { get; init; }
}
