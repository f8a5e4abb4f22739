using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Core.Common;

/// <summary>The API's JSON rules: camelCase, enums as strings, and strict input (unknown fields and numeric enums refused).</summary>
public static class PortalJson
{
    /// <summary>Options for reading and writing API bodies and stored documents.</summary>
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            MaxDepth = 16,

            // Plain '+' and apostrophes in phone numbers and messages; bodies are JSON, never HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// Deserializes strictly; a malformed document or a wrong type becomes a field error
    /// at the JSON path where it happened.
    /// </summary>
    public static Result<T> Read<T>(string json, string what = "body")
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(json, Options);
            return value is null ? Failure.Invalid(what, "A JSON object is required.") : value;
        }
        catch (JsonException exception)
        {
            return Failure.Invalid(FieldOf(exception.Path), Describe(exception));
        }
    }

    /// <summary>Turns a JSON path such as <c>$.address.city</c> into a field name <c>address.city</c>.</summary>
    public static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    // The exception's own message can echo input values; keep only what the caller needs.
    private static string Describe(JsonException exception) =>
        exception.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "This field is not known."
        : exception.Message.Contains("is invalid JSON", StringComparison.Ordinal) || exception.LineNumber is not null && exception.Path is null ? "The body is not valid JSON."
        : exception.Message.Contains("missing required properties", StringComparison.OrdinalIgnoreCase) ? "Required fields are missing."
        : exception.Message.Contains("null", StringComparison.OrdinalIgnoreCase) ? "This field may not be null."
        : "This field has the wrong type or an unknown value.";
}
