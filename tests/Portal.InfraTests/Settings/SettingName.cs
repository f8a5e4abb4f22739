namespace Portal.InfraTests.Settings;

/// <summary>
/// App setting names as Azure writes them (<c>AzureAd__TenantId</c>) and configuration keys as
/// the app reads them (<c>AzureAd:TenantId</c>) are the same setting; keys are case-insensitive.
/// </summary>
internal static class SettingName
{
    public static string ToConfigurationKey(string name) => name.Trim().Replace("__", ":", StringComparison.Ordinal);

    public static string Normalize(string name) => ToConfigurationKey(name).ToLowerInvariant();

    /// <summary>True when <paramref name="candidate"/> is <paramref name="section"/> or lies below it.</summary>
    public static bool IsAtOrBelow(string candidate, string section)
    {
        var c = Normalize(candidate);
        var s = Normalize(section);
        return c == s || c.StartsWith(s + ":", StringComparison.Ordinal);
    }
}
