using System.Text.Json;
using Portal.Core.Common;

namespace Portal.Core.Record;

/// <summary>Compares record values by their JSON (records holding lists do not compare by value).</summary>
internal static class RecordJson
{
    public static bool Same<T>(T left, T right) =>
        JsonSerializer.Serialize(left, PortalJson.Options) == JsonSerializer.Serialize(right, PortalJson.Options);
}
