using Xunit.Abstractions;

namespace Portal.InfraTests.Settings;

/// <summary>
/// The Bicep app settings, docs/CONFIGURATION.md and the keys the app actually reads stay in step.
/// </summary>
public sealed class AppSettingsTests(BicepFixture bicep, ITestOutputHelper output) : IClassFixture<BicepFixture>
{
    // The settings contract agreed with the app team: the app reads these in Azure.
    public static TheoryData<string> Contract =>
    [
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "PortalStorage__tableServiceUri",
        "PortalStorage__blobServiceUri",
        "PortalStorage__queueServiceUri",
        "PortalStorage__credential",
        "PortalStorage__clientId",
        "AzureAd__Instance",
        "AzureAd__TenantId",
        "AzureAd__ClientId",
        "AzureAd__Audience",
        "Cors__AllowedOrigins",
        "Clinic__Name",
        "Clinic__TimeZone",
        "ServiceBus__fullyQualifiedNamespace",
        "ServiceBus__credential",
        "ServiceBus__clientId",
        "ServiceBus__labResultsQueue",
        "Communication__endpoint",
        "Communication__clientId",
        "Sms__fromNumber",
        "Email__senderAddress",
        "Payments__ApiKey",
        "Labs__SharedKey",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
    ];

    private IReadOnlyDictionary<string, string?> BicepSettings => bicep.Template.FunctionAppSettings();

    [Theory]
    [MemberData(nameof(Contract))]
    public void Bicep_provides_contract_setting(string setting) =>
        Assert.True(BicepSettings.ContainsKey(setting), $"infra/app/api.bicep does not set {setting}");

    [Fact]
    public void Identity_settings_use_the_managed_identity_and_secrets_come_from_key_vault()
    {
        var settings = BicepSettings;
        foreach (var connection in new[] { "AzureWebJobsStorage", "PortalStorage", "ServiceBus" })
        {
            Assert.Equal("managedidentity", settings[$"{connection}__credential"]);
        }

        Assert.Contains("@Microsoft.KeyVault(VaultName=", settings["Payments__ApiKey"], StringComparison.Ordinal);
        Assert.Contains("SecretName=payments-api-key", settings["Payments__ApiKey"], StringComparison.Ordinal);
        Assert.Contains("SecretName=labs-shared-key", settings["Labs__SharedKey"], StringComparison.Ordinal);

        // The queue name comes from the Service Bus module, which main.bicep gives 'lab-results'.
        var serviceBus = bicep.Template.OfType("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == "serviceBus");
        Assert.Equal("lab-results", (string?)serviceBus["properties"]?["parameters"]?["labResultsQueueName"]?["value"]);
        Assert.Equal("[parameters('labResultsQueueName')]", settings["ServiceBus__labResultsQueue"]);

        // No keys or connection strings in app settings: nothing with AccountKey / SharedAccessKey.
        Assert.All(settings, s => Assert.DoesNotContain("AccountKey", s.Value ?? "", StringComparison.OrdinalIgnoreCase));
        Assert.All(settings, s => Assert.DoesNotContain("SharedAccessKey", s.Value ?? "", StringComparison.OrdinalIgnoreCase));
        Assert.All(settings, s => Assert.DoesNotContain("listKeys", s.Value ?? "", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Development_tokens_are_never_enabled_in_azure() =>
        Assert.DoesNotContain(BicepSettings.Keys, k => SettingName.IsAtOrBelow(k, "DevTokens"));

    [Fact]
    public void Every_bicep_app_setting_is_documented()
    {
        var documented = ConfigurationDoc.Load().Where(d => !d.IsWildcard).Select(d => SettingName.Normalize(d.Setting)).ToHashSet();
        var undocumented = BicepSettings.Keys.Where(k => !documented.Contains(SettingName.Normalize(k))).Order().ToArray();
        Assert.True(undocumented.Length == 0, $"Set by Bicep but missing from docs/CONFIGURATION.md: {string.Join(", ", undocumented)}");
    }

    [Fact]
    public void Every_setting_documented_as_required_is_provided_by_bicep()
    {
        var provided = BicepSettings.Keys.Select(SettingName.Normalize).ToHashSet();
        var missing = ConfigurationDoc.Load()
            .Where(d => d.IsRequiredInAzure && !d.IsWildcard && !provided.Contains(SettingName.Normalize(d.Setting)))
            .Select(d => d.Setting)
            .ToArray();
        Assert.True(missing.Length == 0, $"Documented as required in Azure but not set by Bicep: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Documentation_table_is_well_formed()
    {
        var rows = ConfigurationDoc.Load();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(r.IsRequiredInAzure || r.IsOptionalWithDefault, $"{r.Setting}: 'Required in Azure' must be Yes, or No with a Default"));
        Assert.Contains(rows, r => SettingName.Normalize(r.Setting) == "devtokens:enabled" && !r.IsRequiredInAzure);
        Assert.Contains(rows, r => r.IsWildcard && SettingName.Normalize(r.Section) == "azuread");
    }

    [Theory]
    [InlineData("Azure")]
    [InlineData("Local")]
    public void Every_key_the_app_reads_is_provided_by_bicep_or_documented_as_optional(string shape)
    {
        var values = shape == "Azure" ? ProbeValues.LikeAzure(BicepSettings) : ProbeValues.LikeLocal();
        var probe = AppConfigurationProbe.Run(values);
        output.WriteLine($"{shape}: the app read {probe.Reads.Values.Count} keys and enumerated {probe.Reads.Sections.Count} sections.");
        foreach (var problem in probe.Problems)
        {
            output.WriteLine($"  probe note: {problem}");
        }

        var uncovered = new SettingsCoverage(BicepSettings.Keys, ConfigurationDoc.Load()).Uncovered(probe.Reads.All);

        // With exactly the Bicep's settings (and stand-ins for values Azure fills in), the app must wire up.
        if (shape == "Azure")
        {
            Assert.True(probe.CompositionError is null, $"AddPortal fails with the settings infra/app/api.bicep provides: {probe.CompositionError}");
        }
        else if (probe.CompositionError is not null)
        {
            output.WriteLine($"  AddPortal threw with the local sample settings: {probe.CompositionError}");
        }

        Assert.True(uncovered.Count == 0,
            "The app reads configuration that infra/app/api.bicep does not set and docs/CONFIGURATION.md does not list as optional with a default:\n  "
            + string.Join("\n  ", uncovered));
    }

    [Fact]
    public void A_read_of_an_unknown_key_is_reported()
    {
        var source = new RecordingConfigurationSource(new Dictionary<string, string?> { ["Clinic:Name"] = "x" });
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Add(source).Build();
        _ = configuration["Nope:Missing"];
        _ = configuration["Clinic:Name"];
        _ = configuration.GetSection("AzureAd").GetChildren().ToArray();

        var coverage = new SettingsCoverage(BicepSettings.Keys, ConfigurationDoc.Load());

        Assert.Equal(["Nope:Missing"], coverage.Uncovered(source.Reads.All));
    }

    [Fact]
    public void Coverage_rules()
    {
        var coverage = new SettingsCoverage(
            ["AzureAd__TenantId", "PortalStorage__blobServiceUri"],
            [
                new DocumentedSetting("DevTokens:Enabled", "No", "false", "dev only"),
                new DocumentedSetting("Logging:*", "No", "framework defaults", "logging"),
                new DocumentedSetting("Payments:Mode", "Yes", "", "required, not provided"),
            ]);

        Assert.True(coverage.IsCovered("azuread:tenantid"));        // Bicep, case and separator insensitive
        Assert.True(coverage.IsCovered("PortalStorage"));          // a section whose children Bicep sets
        Assert.True(coverage.IsCovered("DevTokens:Enabled"));      // documented optional with a default
        Assert.True(coverage.IsCovered("Logging:LogLevel:Default")); // wildcard row
        Assert.False(coverage.IsCovered("AzureAd:ClientId"));      // a sibling is not enough
        Assert.False(coverage.IsCovered("Payments:Mode"));         // documented as required but not provided
        Assert.False(coverage.IsCovered("PortalStorage:connectionString"));
    }
}
