using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Portal.Core.Common;

namespace Portal.Functions.OpenApi;

/// <summary>
/// JSON Schemas (2020-12) of the types the functions read and write, exported by System.Text.Json from the
/// types themselves with the API's serializer options. Each named type (record, class, enum) is kept once in
/// <see cref="Components"/> and referenced with <c>$ref</c>; collections, dictionaries and scalars stay inline.
/// </summary>
internal sealed class ApiSchemas
{
    private const string ComponentPrefix = "#/components/schemas/";

    /// <summary>How System.Text.Json writes a <see cref="TimeOnly"/>: <c>HH:mm:ss</c>, fractions only when there are any.</summary>
    private const string TimeOnlyPattern = @"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,7})?$";

    // PortalJson reads numbers given as strings too (web defaults), which the exporter documents as
    // ["string","integer"] with a pattern. The API writes plain numbers; the document shows that form.
    private static readonly JsonSerializerOptions Options = CanonicalNumbers();

    private readonly SortedDictionary<string, (Type Type, JsonObject Schema)> named = new(StringComparer.Ordinal);
    private readonly JsonSchemaExporterOptions exporter;

    public ApiSchemas() =>
        exporter = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = Transform };

    /// <summary>The schema of <paramref name="type"/>: a <c>$ref</c> for a named type, inline otherwise.</summary>
    public JsonNode For(Type type) => JsonSchemaExporter.GetJsonSchemaAsNode(Options, type, exporter);

    /// <summary>The schema registered for a named type (to refine it), after <see cref="For"/> has seen the type.</summary>
    public JsonObject Named(Type type) => named[NameOf(type)].Schema;

    /// <summary>The <c>components/schemas</c> object: every named type seen so far, by name.</summary>
    public JsonObject Components() =>
        new(named.Select(entry => KeyValuePair.Create(entry.Key, (JsonNode?)entry.Value.Schema.DeepClone())));

    private static JsonSerializerOptions CanonicalNumbers()
    {
        var options = new JsonSerializerOptions(PortalJson.Options) { NumberHandling = JsonNumberHandling.Strict };
        options.MakeReadOnly();
        return options;
    }

    // Called for every node, innermost first, so a type's members are already references when the type
    // itself is hoisted. A property's node also carries what belongs to the property (nullability, default).
    private JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (schema is not JsonObject node)
        {
            return schema;
        }

        var type = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
        if (node["$ref"]?.GetValue<string>() is { } pointer && !pointer.StartsWith(ComponentPrefix, StringComparison.Ordinal))
        {
            // The exporter points back to where it first wrote a type it meets again (a code in several models). A named
            // type finished by then is a component already: refer to that. One still being built is recursive; those
            // pointers would dangle here.
            if (!IsNamed(type, context.TypeInfo.Kind) || !named.TryGetValue(NameOf(type), out var known) || known.Type != type)
            {
                throw new NotSupportedException($"{context.TypeInfo.Type.FullName} is recursive ({pointer}); the OpenAPI document does not support recursive types.");
            }

            var repeated = new JsonObject { ["$ref"] = ComponentPrefix + NameOf(type) };
            return context.PropertyInfo is { IsGetNullable: true } || type != context.TypeInfo.Type
                ? new JsonObject { ["anyOf"] = new JsonArray(repeated, new JsonObject { ["type"] = "null" }) }
                : repeated;
        }

        if (type == typeof(TimeOnly) && node["format"]?.GetValue<string>() == "time")
        {
            // The exporter says RFC 3339 "time", which needs an offset; a TimeOnly is a wall-clock time written without one.
            node.Remove("format");
            node["pattern"] = TimeOnlyPattern;
        }

        var result = IsNamed(type, context.TypeInfo.Kind) ? Reference(type, node) : node;
        if (Description(context.PropertyInfo?.AttributeProvider) is { } description)
        {
            result["description"] = description;
        }

        return result;
    }

    private static bool IsNamed(Type type, JsonTypeInfoKind kind) =>
        type.IsEnum || (kind == JsonTypeInfoKind.Object && type != typeof(object) && type.Namespace?.StartsWith("System", StringComparison.Ordinal) != true);

    private JsonObject Reference(Type type, JsonObject node)
    {
        var shape = (JsonObject)node.DeepClone();
        var nullable = RemoveNull(shape);
        var defaultValue = shape["default"]?.DeepClone();
        var hadDefault = shape.Remove("default");
        if (type.IsEnum && !shape.ContainsKey("type"))
        {
            // Enums are written as strings (PortalJson); say so, for readers and client generators.
            shape.Insert(0, "type", "string");
        }

        if (Description(type) is { } description)
        {
            shape.Insert(0, "description", description);
        }

        var name = NameOf(type);
        if (named.TryGetValue(name, out var existing) && existing.Type != type)
        {
            throw new InvalidOperationException(
                $"The schema name '{name}' would stand for both {existing.Type.FullName} and {type.FullName}; rename one of the types.");
        }

        named[name] = (type, shape);
        var reference = new JsonObject { ["$ref"] = ComponentPrefix + name };
        var result = nullable ? new JsonObject { ["anyOf"] = new JsonArray(reference, new JsonObject { ["type"] = "null" }) } : reference;
        if (hadDefault)
        {
            result["default"] = defaultValue;
        }

        return result;
    }

    // The shared schema is the non-null shape; where null is allowed, the reference says so.
    private static bool RemoveNull(JsonObject shape)
    {
        var nullable = false;
        if (shape["type"] is JsonArray types && types.FirstOrDefault(t => t?.GetValue<string>() == "null") is { } nullType)
        {
            types.Remove(nullType);
            nullable = true;
            if (types.Count == 1)
            {
                shape["type"] = types[0]!.GetValue<string>();
            }
        }

        if (shape["enum"] is JsonArray values && values.ToList().FindIndex(v => v is null) is var index and >= 0)
        {
            values.RemoveAt(index);
            nullable = true;
        }

        return nullable;
    }

    /// <summary>
    /// The type's name; generic types add their arguments (<c>PageOfAuditEvent</c>). A feature's type named like one of
    /// the API's own (the record's <c>Problem</c> and the problem+json <c>Problem</c>) takes its feature's name in front
    /// (<c>RecordProblem</c>), so every name stands for one type whatever order the document is built in.
    /// </summary>
    private static string NameOf(Type type) =>
        type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(type.GetGenericArguments().Select(NameOf))
            : type.Assembly != typeof(ApiSchemas).Assembly && ApiTypeNames.Contains(type.Name)
                ? type.Namespace?.Split('.')[^1] + type.Name
                : type.Name;

    private static readonly HashSet<string> ApiTypeNames = [.. typeof(ApiSchemas).Assembly.GetTypes().Where(t => t.IsPublic).Select(t => t.Name)];

    private static string? Description(ICustomAttributeProvider? member) =>
        member?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: false).OfType<DescriptionAttribute>().FirstOrDefault()?.Description;
}
