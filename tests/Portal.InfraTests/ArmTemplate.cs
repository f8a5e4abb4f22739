using System.Text.Json.Nodes;

namespace Portal.InfraTests;

/// <summary>
/// A compiled ARM template, with the resources of every nested deployment (Bicep modules)
/// flattened so tests can look at what will actually be deployed.
/// </summary>
internal sealed class ArmTemplate
{
    private ArmTemplate(JsonObject root, IReadOnlyList<JsonObject> resources)
    {
        Root = root;
        Resources = resources;
    }

    public JsonObject Root { get; }

    /// <summary>Resources of this template and of all nested deployment templates.</summary>
    public IReadOnlyList<JsonObject> Resources { get; }

    public static ArmTemplate Parse(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidOperationException("The template is not a JSON object.");
        var resources = new List<JsonObject>();
        Collect(root, resources);
        return new ArmTemplate(root, resources);
    }

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    public JsonObject Single(string type) => OfType(type).Single();

    /// <summary>
    /// Names of the Functions app's application settings: the keys of every
    /// <c>Microsoft.Web/sites/config</c> 'appsettings' resource plus any <c>siteConfig.appSettings</c> entries.
    /// </summary>
    public IReadOnlyDictionary<string, string?> FunctionAppSettings()
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var config in OfType("Microsoft.Web/sites/config"))
        {
            var name = (string?)config["name"] ?? "";
            if (!name.Contains("appsettings", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var (key, value) in config["properties"]?.AsObject() ?? [])
            {
                settings[key] = Text(value);
            }
        }

        foreach (var site in OfType("Microsoft.Web/sites"))
        {
            if (site["properties"]?["siteConfig"]?["appSettings"] is JsonArray array)
            {
                foreach (var entry in array.OfType<JsonObject>())
                {
                    if ((string?)entry["name"] is { } name)
                    {
                        settings[name] = Text(entry["value"]);
                    }
                }
            }
        }

        return settings;
    }

    private static string? Text(JsonNode? value) =>
        value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString();

    private static void Collect(JsonObject template, List<JsonObject> into)
    {
        // languageVersion 1.0 has a resources array; 2.0 an object keyed by symbolic name.
        IEnumerable<JsonNode?> resources = template["resources"] switch
        {
            JsonArray array => array,
            JsonObject map => map.Select(p => p.Value),
            _ => [],
        };

        foreach (var resource in resources.OfType<JsonObject>())
        {
            into.Add(resource);
            if (string.Equals((string?)resource["type"], "Microsoft.Resources/deployments", StringComparison.OrdinalIgnoreCase)
                && resource["properties"]?["template"] is JsonObject nested)
            {
                Collect(nested, into);
            }
        }
    }
}
