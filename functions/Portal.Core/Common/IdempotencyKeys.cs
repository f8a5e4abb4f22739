using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portal.Core.Common;

/// <summary>The rules every <c>Idempotency-Key</c> follows, and the request hash that binds a key to one request.</summary>
public static partial class IdempotencyKeys
{
    /// <summary>The field name used in errors.</summary>
    public const string Field = "Idempotency-Key";

    /// <summary>The rule, as told to callers.</summary>
    public const string Rule = "1 to 100 visible ASCII characters.";

    /// <summary>True for an absent key or a well-formed one.</summary>
    public static bool IsValidOrAbsent(string? key) => key is null || Pattern().IsMatch(key);

    /// <summary>SHA-256 (hex) of the request as JSON: the same key with another request is a conflict.</summary>
    public static string Hash<T>(T request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, PortalJson.Options))));

    [GeneratedRegex("^[\\x21-\\x7E]{1,100}$")]
    private static partial Regex Pattern();
}
