using System.Text.Json;
using Portal.Core.Common;

namespace Portal.Functions.Http;

/// <summary>The <c>type</c> URNs of the API's problems: one per <see cref="FailureKind"/>, plus two the HTTP layer adds.</summary>
public static class ProblemTypes
{
    /// <summary>No valid bearer token.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>An unexpected failure on the server.</summary>
    public const string Internal = "internal";

    /// <summary>Every URN a problem may carry, so the OpenAPI document lists them from the code.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. Enum.GetValues<FailureKind>().Select(NameOf).Append(Unauthorized).Append(Internal).Select(Urn)];

    /// <summary>The problem name of a failure kind: the kind in kebab case (<c>precondition-failed</c>).</summary>
    public static string NameOf(FailureKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    /// <summary>The URN for a problem name: <c>urn:portal:problem:{name}</c>.</summary>
    public static string Urn(string name) => $"urn:portal:problem:{name}";
}
