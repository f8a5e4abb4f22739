using System.Text.Json;
using Azure.Storage.Queues.Models;

namespace Portal.LocalHost.Queues;

/// <summary>Binds a (base64-decoded) queue message to the trigger parameter: string, BinaryData, byte[], QueueMessage or a JSON POCO.</summary>
internal static class QueueMessageBinder
{
    public const string SupportedTypes = "supported: string, BinaryData, byte[], QueueMessage or a class/record/struct deserialized from JSON";

    public static bool IsSupported(Type type) =>
        type == typeof(string) || type == typeof(BinaryData) || type == typeof(byte[]) || type == typeof(QueueMessage)
        || (!type.IsPrimitive && !type.IsInterface && !type.IsAbstract && !type.ContainsGenericParameters && type != typeof(object));

    /// <summary>A message that does not bind fails the invocation, so it is retried and then poisoned like any failure.</summary>
    public static object Bind(QueueMessage message, Type type)
    {
        if (type == typeof(string))
        {
            return message.Body.ToString();
        }

        if (type == typeof(BinaryData))
        {
            return message.Body;
        }

        if (type == typeof(byte[]))
        {
            return message.Body.ToArray();
        }

        if (type == typeof(QueueMessage))
        {
            return message;
        }

        return JsonSerializer.Deserialize(message.Body.ToMemory().Span, type, JsonSerializerOptions.Web)
            ?? throw new JsonException($"Queue message {message.MessageId} is JSON null, not a {type.Name}.");
    }
}
