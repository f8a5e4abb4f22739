namespace Portal.Functions.OpenApi;

/// <summary>A success status a function answers, with the C# type of its JSON body (none for bodiless answers).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiResponseAttribute(int status, Type? body = null) : Attribute
{
    /// <summary>The HTTP status code.</summary>
    public int Status { get; } = status;

    /// <summary>The type serialized as the body, or null when there is none.</summary>
    public Type? Body { get; } = body;

    /// <summary>What the answer means, when the status alone does not say it.</summary>
    public string? Description { get; init; }

    /// <summary>The answer carries an <c>ETag</c> header (the version to send back in <c>If-Match</c>).</summary>
    public bool ETag { get; init; }

    /// <summary>The answer carries a <c>Location</c> header (the created resource).</summary>
    public bool Location { get; init; }

    /// <summary>The media type of the body.</summary>
    public string ContentType { get; init; } = "application/json";
}
