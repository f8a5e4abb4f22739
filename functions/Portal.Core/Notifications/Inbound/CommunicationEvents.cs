using System.Globalization;
using System.Text.Json;
using Portal.Core.Common;

namespace Portal.Core.Notifications.Inbound;

/// <summary>
/// Reads an Event Grid delivery (Event Grid schema: a JSON array of events) from Communication Services. Data
/// fields are matched case-insensitively (the documented examples spell <c>Tag</c>), and numbers without their
/// <c>+</c> are normalised to E.164. Anything malformed is a field error naming the event's index.
/// </summary>
public static class CommunicationEvents
{
    /// <summary>The handshake's event type.</summary>
    public const string ValidationType = "Microsoft.EventGrid.SubscriptionValidationEvent";

    /// <summary>An inbound text.</summary>
    public const string SmsReceivedType = "Microsoft.Communication.SMSReceived";

    /// <summary>A delivery report.</summary>
    public const string DeliveryReportType = "Microsoft.Communication.SMSDeliveryReportReceived";

    private const int MaxIdLength = 200;

    /// <summary>The events of one delivery, or 400 field errors.</summary>
    public static Result<IReadOnlyList<CommunicationEvent>> Read(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            return Failure.Invalid("body", "The body is not valid JSON.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() == 0)
            {
                return Failure.Invalid("body", "An array of Event Grid events is required.");
            }

            var events = new List<CommunicationEvent>();
            var errors = new Dictionary<string, string[]>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var reader = new EventReader(element, $"[{index++}]", errors);
                if (reader.Read() is { } read)
                {
                    events.Add(read);
                }
            }

            return errors.Count > 0 ? Failure.Invalid(errors) : events;
        }
    }

    private sealed class EventReader(JsonElement element, string path, Dictionary<string, string[]> errors)
    {
        private JsonElement data;

        public CommunicationEvent? Read()
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return Error(path, "An Event Grid event object is required.");
            }

            var id = Text(element, "id", path);
            var type = Text(element, "eventType", path);
            if (id is null || type is null)
            {
                return null;
            }

            return ReadData(id, type) is { } read ? read with { EventTime = EventTime() } : null;
        }

        private DateTimeOffset? EventTime() =>
            Property(element, "eventTime") is { ValueKind: JsonValueKind.String } time
            && DateTimeOffset.TryParse(time.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : null;

        private CommunicationEvent? ReadData(string id, string type)
        {
            if (id.Length > MaxIdLength)
            {
                return Error($"{path}.id", $"At most {MaxIdLength} characters.");
            }

            if (type is not (ValidationType or SmsReceivedType or DeliveryReportType))
            {
                return new OtherEvent(id, type);
            }

            if (Property(element, "data") is not { ValueKind: JsonValueKind.Object } found)
            {
                return Error($"{path}.data", "An object is required.");
            }

            data = found;
            return type switch
            {
                ValidationType => Text(data, "validationCode", $"{path}.data") is { } code ? new ValidationRequested(id, code) : null,
                SmsReceivedType => TextReceived(id),
                _ => DeliveryReported(id),
            };
        }

        private TextReceived? TextReceived(string id)
        {
            var messageId = Text(data, "messageId", $"{path}.data");
            var from = Phone("from");
            var message = Text(data, "message", $"{path}.data", allowEmpty: true);
            var at = Time("receivedTimestamp");
            return messageId is null || from is null || message is null || at is null
                ? null
                : new TextReceived(id, new InboundText(messageId, from, message, at.Value));
        }

        private DeliveryReported? DeliveryReported(string id)
        {
            var messageId = Text(data, "messageId", $"{path}.data");
            var status = Text(data, "deliveryStatus", $"{path}.data");
            var details = Property(data, "deliveryStatusDetails") is { ValueKind: JsonValueKind.String } d ? d.GetString() : null;
            var at = Time("receivedTimestamp");
            return messageId is null || status is null || at is null
                ? null
                : new DeliveryReported(id, new DeliveryReport(messageId, status.Equals("Delivered", StringComparison.OrdinalIgnoreCase), details, at.Value));
        }

        private string? Phone(string name)
        {
            var text = Text(data, name, $"{path}.data");
            return text is null ? null : PhoneNumbers.ToE164(text) ?? Error<string>($"{path}.data.{name}", "An international phone number is required.");
        }

        private DateTimeOffset? Time(string name)
        {
            var text = Text(data, name, $"{path}.data");
            if (text is null)
            {
                return null;
            }

            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : Error<DateTimeOffset?>($"{path}.data.{name}", "An ISO 8601 time is required.");
        }

        private string? Text(JsonElement owner, string name, string at, bool allowEmpty = false)
        {
            if (Property(owner, name) is { ValueKind: JsonValueKind.String } value && (allowEmpty || value.GetString()!.Length > 0))
            {
                return value.GetString();
            }

            return Error<string>($"{at}.{name}", "A string is required.");
        }

        private CommunicationEvent? Error(string field, string message) => Error<CommunicationEvent>(field, message);

        private T? Error<T>(string field, string message)
        {
            errors.TryAdd(field, [message]);
            return default;
        }

        private static JsonElement? Property(JsonElement owner, string name)
        {
            foreach (var property in owner.EnumerateObject())
            {
                if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value;
                }
            }

            return null;
        }
    }
}
