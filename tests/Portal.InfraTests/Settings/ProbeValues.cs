namespace Portal.InfraTests.Settings;

/// <summary>Configuration values that let the app start during a probe, without touching Azure.</summary>
internal static class ProbeValues
{
    private const string ClientId = "00000000-0000-0000-0000-00000000c11d";
    private const string TenantId = "00000000-0000-0000-0000-00000000717d";

    /// <summary>
    /// What the app sees in Azure: every Bicep app setting, with the literal value from the
    /// template where there is one and a plausible stand-in where the value is an ARM expression
    /// or a Key Vault reference (the platform resolves those).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> LikeAzure(IReadOnlyDictionary<string, string?> bicepAppSettings) =>
        bicepAppSettings.ToDictionary(
            s => s.Key,
            s => IsLiteral(s.Value) ? s.Value : StandIn(s.Key),
            StringComparer.OrdinalIgnoreCase);

    /// <summary>What a developer runs with: connection strings and the minimum for tokens.</summary>
    public static IReadOnlyDictionary<string, string?> LikeLocal() => new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
    {
        ["PortalStorage"] = "UseDevelopmentStorage=true",
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = TenantId,
        ["AzureAd:ClientId"] = ClientId,
        ["AzureAd:Audience"] = $"api://{ClientId}",
        ["Clinic:Name"] = "Probe Clinic",
        ["Clinic:TimeZone"] = "America/Chicago",
    };

    private static bool IsLiteral(string? value) =>
        value is not null
        && !value.StartsWith('[')
        && !value.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);

    private static string StandIn(string setting)
    {
        var key = SettingName.ToConfigurationKey(setting);
        var leaf = key[(key.LastIndexOf(':') + 1)..];
        return leaf.ToLowerInvariant() switch
        {
            "blobserviceuri" => "https://stprobe.blob.core.windows.net/",
            "queueserviceuri" => "https://stprobe.queue.core.windows.net/",
            "tableserviceuri" => "https://stprobe.table.core.windows.net/",
            "clientid" => ClientId,
            "tenantid" => TenantId,
            "instance" => "https://login.microsoftonline.com/",
            "audience" => $"api://{ClientId}",
            "fullyqualifiednamespace" => "sb-probe.servicebus.windows.net",
            "endpoint" => "https://acs-probe.communication.azure.com",
            "fromnumber" => "+18005550100",
            "senderaddress" => "DoNotReply@00000000-0000-0000-0000-000000000000.azurecomm.net",
            "allowedorigins" => "https://portal.example.org",
            "timezone" => "America/Chicago",
            "applicationinsights_connection_string" =>
                "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://probe.in.applicationinsights.azure.com/",
            "applicationinsights_authentication_string" => $"ClientId={ClientId};Authorization=AAD",
            _ => "probe-value",
        };
    }
}
