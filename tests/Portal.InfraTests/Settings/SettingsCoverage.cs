namespace Portal.InfraTests.Settings;

/// <summary>
/// Decides whether a configuration key the app reads is covered in Azure: provided by the Bicep
/// app settings, or documented in docs/CONFIGURATION.md as optional with a default.
/// </summary>
internal sealed class SettingsCoverage(IEnumerable<string> bicepAppSettings, IEnumerable<DocumentedSetting> documented)
{
    private readonly string[] provided = [.. bicepAppSettings];
    private readonly DocumentedSetting[] documented = [.. documented];

    /// <summary>The keys from <paramref name="reads"/> that nothing provides, sorted.</summary>
    public IReadOnlyList<string> Uncovered(IEnumerable<string> reads) =>
        [.. reads
            .Select(SettingName.ToConfigurationKey)
            .Where(k => k.Length > 0 && !IsCovered(k))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)];

    public bool IsCovered(string key)
    {
        // A wildcard row covers its whole section (AzureAd:* → AzureAd, AzureAd:Anything).
        if (documented.Any(d => d.IsWildcard && SettingName.IsAtOrBelow(key, d.Section)))
        {
            return true;
        }

        // Provided by Bicep, or optional with a default: the key itself, or a section read
        // (binder, GetSection) whose children are provided.
        return provided.Any(p => SettingName.IsAtOrBelow(p, key))
            || documented.Any(d => !d.IsWildcard && d.IsOptionalWithDefault && SettingName.IsAtOrBelow(d.Setting, key));
    }
}
