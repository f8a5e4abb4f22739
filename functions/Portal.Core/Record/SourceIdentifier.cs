namespace Portal.Core.Record;

/// <summary>
/// An identifier the sending system gave an item (FHIR <c>Identifier</c> system and value), used for conditional
/// create and update: a resend with the same identifier updates the item instead of adding another. Written
/// <c>system|value</c>, as in a FHIR <c>identifier=</c> search.
/// </summary>
/// <param name="System">The namespace URI, e.g. <c>urn:oid:1.2.3</c> or <c>https://ehr.example.org/allergies</c>.</param>
/// <param name="Value">The value within the namespace.</param>
public sealed record SourceIdentifier(string System, string Value)
{
    /// <summary>The longest system or value accepted.</summary>
    public const int MaxLength = 256;

    /// <summary>
    /// The system of the identifier made from the sender's own logical id when it sent none, per resource type:
    /// <c>urn:portal:fhir-id:{ResourceType}</c>; references such as <c>Encounter/123</c> are found through it.
    /// </summary>
    public static SourceIdentifier FromSenderId(string resourceType, string id) => new($"urn:portal:fhir-id:{resourceType}", id);

    /// <summary>Parses <c>system|value</c> (both parts required), or returns null.</summary>
    public static SourceIdentifier? Parse(string? text)
    {
        var bar = text?.IndexOf('|') ?? -1;
        return bar > 0 && bar < text!.Length - 1 ? new SourceIdentifier(text[..bar], text[(bar + 1)..]) : null;
    }

    /// <summary>True when both parts are present and not too long.</summary>
    public bool IsValid =>
        !string.IsNullOrWhiteSpace(System) && !string.IsNullOrWhiteSpace(Value) && System.Length <= MaxLength && Value.Length <= MaxLength;

    /// <inheritdoc />
    public override string ToString() => $"{System}|{Value}";
}
