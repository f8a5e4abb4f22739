using System.Text.Json.Nodes;
using Hl7.Fhir.Model;

namespace Portal.Functions.OpenApi;

/// <summary>
/// Schemas for FHIR resources: the FHIR specification defines them (its own JSON schema is large and recursive),
/// so the document names the resource type and points there; the body is an object with that <c>resourceType</c>.
/// </summary>
internal static class FhirSchemas
{
    /// <summary>True for the SDK's FHIR types.</summary>
    public static bool Describes(Type type) => typeof(Base).IsAssignableFrom(type);

    /// <summary>The component name of a FHIR type (<c>FhirBundle</c>).</summary>
    public static string NameOf(Type type) => "Fhir" + type.Name;

    /// <summary>The schema: an object whose <c>resourceType</c> is the type's (any type for the abstract <c>Resource</c>).</summary>
    public static JsonObject Of(Type type)
    {
        var concrete = !type.IsAbstract;
        var resourceType = concrete ? new JsonObject { ["const"] = type.Name } : new JsonObject { ["type"] = "string" };
        return new JsonObject
        {
            ["description"] = concrete
                ? $"A FHIR R4 {type.Name} resource in JSON, as the FHIR specification defines it (https://hl7.org/fhir/R4/{type.Name.ToLowerInvariant()}.html)."
                : "A FHIR R4 resource in JSON, as the FHIR specification defines it (https://hl7.org/fhir/R4/resourcelist.html).",
            ["type"] = "object",
            ["required"] = new JsonArray("resourceType"),
            ["properties"] = new JsonObject { ["resourceType"] = resourceType },
        };
    }
}
