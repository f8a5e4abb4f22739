using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Moq;
using Portal.Azure;

namespace Portal.Tests.Identity;

public class StartupGuardTests
{
    private static void Register(string environment, params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        var host = Mock.Of<IHostEnvironment>(h => h.EnvironmentName == environment);
        new ServiceCollection().AddAzureAdapters(configuration, host);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void The_development_token_issuer_refuses_to_start_outside_development(string environment)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Register(environment, ("DevTokens:Enabled", "true"), ("AzureAd:ClientId", "11111111-1111-1111-1111-111111111111")));

        Assert.Contains("DevTokens:Enabled", error.Message);
    }

    [Fact]
    public void Development_may_use_it() => Register("Development", ("DevTokens:Enabled", "true"));

    [Fact]
    public void Without_entra_settings_the_app_refuses_to_start_rather_than_accept_nothing() =>
        Assert.Contains("AzureAd:ClientId", Assert.Throws<InvalidOperationException>(() => Register("Production")).Message);
}
