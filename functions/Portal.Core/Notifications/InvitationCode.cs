using System.Text.Json;
using System.Text.Json.Serialization;
using Portal.Core.Patients;

namespace Portal.Core.Notifications;

/// <summary>
/// A caregiver invitation's one-time code as a notice may carry it: only a well-formed code (<c>XXXX-XXXX-XXXX</c> of
/// the activation alphabet) can be made into one, so the field cannot carry anything else into a text.
/// </summary>
[JsonConverter(typeof(InvitationCodeJson))]
public sealed record InvitationCode
{
    private InvitationCode(string value) => Value = value;

    /// <summary>The code as sent, <c>XXXX-XXXX-XXXX</c>.</summary>
    public string Value { get; }

    /// <summary>The code, or null when <paramref name="text"/> is not one.</summary>
    public static InvitationCode? From(string? text) =>
        ActivationCode.Normalize(text) is { } normalized ? new InvitationCode($"{normalized[..4]}-{normalized[4..8]}-{normalized[8..]}") : null;

    /// <inheritdoc />
    public override string ToString() => Value;

    private sealed class InvitationCodeJson : JsonConverter<InvitationCode>
    {
        public override InvitationCode? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => From(reader.GetString());

        public override void Write(Utf8JsonWriter writer, InvitationCode value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }
}
