using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using Xunit.Sdk;

namespace Portal.IntegrationTests.Api;

/// <summary>
/// The served OpenAPI document as a contract on every answer the tests get through <see cref="PortalApi"/>: the
/// operation must document the status and its required headers, and a JSON body must match the schema documented
/// for that operation and status. A response type that lies therefore fails the test that exercised it.
/// </summary>
internal sealed partial class ApiContract
{
    // Where the document is registered for $ref resolution; never fetched.
    private static readonly Uri DocumentUri = new("https://portal.test/openapi.json");

    private static readonly SharedFixture<ApiContract> Served = new("API contract", async () =>
        Parse(await (await TestPortal.GetAsync()).Client.GetStringAsync("api/openapi.json")));

    private readonly JsonObject document;
    private readonly string serverPath;
    private readonly IReadOnlyList<(Regex Pattern, string Path)> paths;
    private readonly BuildOptions build = new() { SchemaRegistry = new SchemaRegistry() };
    private readonly EvaluationOptions evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };
    private readonly Dictionary<string, JsonSchema> schemas = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    private ApiContract(string json)
    {
        document = JsonNode.Parse(json)!.AsObject();
        serverPath = document["servers"]![0]!["url"]!.GetValue<string>().TrimEnd('/');
        // Literal paths before templated ones, so /me/activate never matches a {parameter}.
        paths = [.. document["paths"]!.AsObject()
            .Select(p => p.Key)
            .OrderBy(p => p.Count(c => c == '{'))
            .Select(p => (new Regex("^" + Parameter().Replace(Regex.Escape(p), "[^/]+") + "$"), p))];
        using var parsed = JsonDocument.Parse(json);
        build.SchemaRegistry.Register(DocumentUri, new JsonElementBaseDocument(parsed.RootElement.Clone(), DocumentUri));
    }

    /// <summary>The contract of the shared test portal's served document, read once per test run.</summary>
    public static Task<ApiContract> GetAsync() => Served.GetAsync();

    /// <summary>A contract from a document's text.</summary>
    public static ApiContract Parse(string json) => new(json);

    /// <summary>Checks an answer; throws with the operation, the status, what failed and the body.</summary>
    public async Task CheckAsync(HttpResponseMessage response)
    {
        var request = response.RequestMessage ?? throw new InvalidOperationException("The response has no request.");
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var body = IsJson(mediaType) ? await response.Content.ReadAsStringAsync() : null;
        Check(request.Method.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode, mediaType, body, response.Headers.Contains);
    }

    /// <summary>Checks an answer given as its parts; <paramref name="body"/> is the text of a JSON body, or null.</summary>
    public void Check(string method, string requestPath, int status, string? mediaType, string? body, Func<string, bool>? hasHeader = null)
    {
        var call = $"{method} {requestPath}";
        if (!requestPath.StartsWith(serverPath + "/", StringComparison.Ordinal))
        {
            throw Violation($"{call}: not under the document's server URL '{serverPath}'.");
        }

        var path = paths.FirstOrDefault(p => p.Pattern.IsMatch(requestPath[serverPath.Length..])).Path
            ?? throw Violation($"{call}: no path of the document matches.");
        var operation = document["paths"]![path]![method.ToLowerInvariant()]?.AsObject()
            ?? throw Violation($"{call}: the document has no {method} operation on {path}.");
        var where = $"{operation["operationId"]} ({method} {path}) answered {status}";

        var pointer = $"#/paths/{Escape(path)}/{method.ToLowerInvariant()}/responses/{status}";
        var response = operation["responses"]![$"{status}"]?.AsObject()
            ?? throw Violation($"{where}, a status the document does not list for it (it lists {string.Join(", ", operation["responses"]!.AsObject().Select(r => r.Key))}).");
        if (response["$ref"]?.GetValue<string>() is { } reference)
        {
            pointer = reference;
            response = Resolve(reference);
        }

        foreach (var (name, header) in response["headers"]?.AsObject() ?? [])
        {
            if (header?["required"]?.GetValue<bool>() == true && hasHeader?.Invoke(name) == false)
            {
                throw Violation($"{where} without the {name} header the document requires.");
            }
        }

        var content = response["content"]?.AsObject();
        if (content is null)
        {
            if (body is not null)
            {
                throw Violation($"{where} with a {mediaType} body; the document says it has none.\nBody: {Shorten(body)}");
            }

            return;
        }

        if (mediaType is null || !content.ContainsKey(mediaType))
        {
            throw Violation($"{where} with {mediaType ?? "no body"}; the document says {string.Join(" or ", content.Select(c => c.Key))}.");
        }

        if (body is not null)
        {
            Validate(where, $"{pointer}/content/{Escape(mediaType)}/schema", body);
        }
    }

    private void Validate(string where, string schemaPointer, string body)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw Violation($"{where} with a body that is not JSON.\nBody: {Shorten(body)}");
        }

        using (json)
        {
            EvaluationResults results;
            lock (gate)
            {
                if (!schemas.TryGetValue(schemaPointer, out var schema))
                {
                    // A pointer in a URI fragment is percent-encoded ('+' in application/problem+json, braces of {patientId}).
                    var fragment = "#" + string.Join('/', schemaPointer.TrimStart('#').Split('/').Select(Uri.EscapeDataString));
                    schema = JsonSchema.FromText(new JsonObject { ["$ref"] = DocumentUri + fragment }.ToJsonString(), build);
                    schemas[schemaPointer] = schema;
                }

                results = schema.Evaluate(json.RootElement, evaluation);
            }

            if (!results.IsValid)
            {
                var errors = (results.Details ?? [])
                    .Where(d => d.Errors is { Count: > 0 })
                    .SelectMany(d => d.Errors!.Values.Select(error => $"  at '{d.InstanceLocation}': {error} (schema {d.SchemaLocation})"));
                throw Violation($"{where} with a body that does not match its schema {schemaPointer}:\n{string.Join("\n", errors)}\nBody: {Shorten(body)}");
            }
        }
    }

    private JsonObject Resolve(string reference) =>
        reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Aggregate((JsonNode)document, (node, segment) => node[segment.Replace("~1", "/").Replace("~0", "~")]
                ?? throw Violation($"The document's reference {reference} points nowhere."))
            .AsObject();

    private static bool IsJson(string? mediaType) =>
        mediaType is not null && (mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal));

    private static string Escape(string segment) => segment.Replace("~", "~0").Replace("/", "~1");

    private static string Shorten(string body) => body.Length <= 2000 ? body : body[..2000] + " …";

    private static XunitException Violation(string message) => new("API contract: " + message);

    [GeneratedRegex(@"\\\{[^}/]+\}")]
    private static partial Regex Parameter();
}
