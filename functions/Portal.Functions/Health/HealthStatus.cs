namespace Portal.Functions.Health;

/// <summary>The app's health as probes read it.</summary>
/// <param name="Status"><c>healthy</c> or <c>unhealthy</c>.</param>
/// <param name="Storage"><c>reachable</c> or <c>unreachable</c>.</param>
internal sealed record HealthStatus(string Status, string Storage)
{
    public static readonly HealthStatus Healthy = new("healthy", "reachable");

    public static readonly HealthStatus StorageUnreachable = new("unhealthy", "unreachable");
}
