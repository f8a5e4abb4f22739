using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Core.Common;

namespace Portal.Core.Profile;

/// <summary>
/// Applies a JSON merge patch (RFC 7396) to a profile: fields absent stay, <c>null</c> clears,
/// objects merge, arrays replace. Identity fields set by the clinic may be sent back unchanged but not changed.
/// </summary>
public static class ProfilePatch
{
    private static readonly string[] ClinicOwned = ["patientId", "mrn", "givenName", "familyName", "birthDate"];

    /// <summary>The patched profile, or field errors (malformed JSON, wrong types, unknown fields, rule violations).</summary>
    public static Result<PatientProfile> Apply(PatientProfile current, string patchJson)
    {
        JsonNode? patch;
        try
        {
            patch = JsonNode.Parse(patchJson, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            return Failure.Invalid("body", "The body is not valid JSON.");
        }

        if (patch is not JsonObject patchObject)
        {
            return Failure.Invalid("body", "A JSON object is required.");
        }

        var document = JsonSerializer.SerializeToNode(current, PortalJson.Options)!.AsObject();
        var errors = new FieldErrors();
        foreach (var field in ClinicOwned)
        {
            if (patchObject.TryGetPropertyValue(field, out var value) && !JsonNode.DeepEquals(value, document[field]))
            {
                errors.Add(field, "Only the clinic can change this field.");
            }
        }

        if (errors.ToFailure() is { } readOnly)
        {
            return readOnly;
        }

        Merge(document, patchObject);
        var patched = PortalJson.Read<PatientProfile>(document.ToJsonString());
        if (!patched.Succeeded)
        {
            return patched.Failure;
        }

        return ProfileRules.Validate(patched.Value).ToFailure() is { } invalid ? invalid : patched.Value;
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is JsonObject patchChild && target[name] is JsonObject targetChild)
            {
                Merge(targetChild, patchChild);
            }
            else
            {
                // null stays an explicit null: the typed profile then clears optional fields
                // and refuses to clear required ones, with a field error.
                target[name] = value?.DeepClone();
            }
        }
    }
}
