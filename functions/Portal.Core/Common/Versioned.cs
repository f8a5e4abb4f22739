namespace Portal.Core.Common;

/// <summary>A stored value with the version (ETag) used for optimistic concurrency.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value.</param>
/// <param name="ETag">The opaque version; HTTP exposes it as <c>ETag</c> and expects it back in <c>If-Match</c>.</param>
public sealed record Versioned<T>(T Value, string ETag);
