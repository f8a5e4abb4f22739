using System.Text.Json.Serialization;

namespace Portal.Functions.Notifications;

/// <summary>
/// The webhook's answer: <c>{"validationResponse": …}</c> to the subscription handshake, otherwise what became of
/// the delivery's events.
/// </summary>
public sealed record CommunicationEventsAnswer
{
    /// <summary>The handshake's validation code, echoed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ValidationResponse { get; init; }

    /// <summary>Events handled now.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Handled { get; init; }

    /// <summary>Events handled before (redeliveries): nothing changed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Duplicates { get; init; }

    /// <summary>Events the portal does not act on.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Ignored { get; init; }
}
