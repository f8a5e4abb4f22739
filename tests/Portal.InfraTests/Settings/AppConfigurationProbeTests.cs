using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Identity.Web;
using Portal.Azure.Storage;

namespace Portal.InfraTests.Settings;

/// <summary>
/// The probe behind the settings test finds reads the way an app makes them: options bound from
/// a section, Microsoft.Identity.Web's JWT bearer options, and values read in service factories.
/// (AddPortal itself may still register little; these prove the probe bites once it does.)
/// </summary>
public sealed class AppConfigurationProbeTests
{
    private sealed class ClinicOptions
    {
        public string Name { get; set; } = "";

        public string TimeZone { get; set; } = "UTC";
    }

    private sealed class SmsSender(string? from)
    {
        public string? From { get; } = from;
    }

    private static AppConfigurationProbe.Probe ProbeSampleApp() =>
        AppConfigurationProbe.Run(ProbeValues.LikeLocal(), (services, configuration, _) =>
        {
            services.AddOptions<ClinicOptions>().Bind(configuration.GetSection("Clinic"));
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApi(configuration.GetSection("AzureAd"));
            services.AddSingleton(_ => new SmsSender(configuration["Sms:fromNumber"] ?? configuration["Feature:Undeclared"]));
        });

    [Fact]
    public void Finds_keys_bound_to_options_read_by_identity_web_and_read_in_factories()
    {
        var reads = ProbeSampleApp().Reads.All;

        Assert.Contains("Clinic:Name", reads, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Clinic:TimeZone", reads, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("AzureAd:ClientId", reads, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Sms:fromNumber", reads, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Feature:Undeclared", reads, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_undeclared_key_read_by_the_app_is_uncovered()
    {
        var coverage = new SettingsCoverage(
            ["Clinic__Name", "Clinic__TimeZone", "Sms__fromNumber", "AzureAd__ClientId"],
            [new DocumentedSetting("AzureAd:*", "No", "library defaults", "Microsoft.Identity.Web")]);

        var uncovered = coverage.Uncovered(ProbeSampleApp().Reads.All);

        Assert.Contains("Feature:Undeclared", uncovered, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("Clinic:Name", uncovered, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("AzureAd:Authority", uncovered, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Azure")]
    [InlineData("Local")]
    public void The_storage_adapter_reads_only_what_bicep_or_the_docs_provide(string shape)
    {
        var fixture = new BicepFixture();
        var settings = fixture.Template.FunctionAppSettings();
        var values = shape == "Azure" ? ProbeValues.LikeAzure(settings) : ProbeValues.LikeLocal();

        var probe = AppConfigurationProbe.Run(values, (services, configuration, _) =>
            services.AddSingleton(_ => StorageAccount.FromConfiguration(configuration, "PortalStorage").CreateTableServiceClient()));

        Assert.Null(probe.CompositionError);
        Assert.Contains("PortalStorage", probe.Reads.All, StringComparer.OrdinalIgnoreCase);
        Assert.Empty(new SettingsCoverage(settings.Keys, ConfigurationDoc.Load()).Uncovered(probe.Reads.All));
        Assert.DoesNotContain(probe.Problems, p => p.Contains("TableServiceClient", StringComparison.Ordinal));
    }
}
